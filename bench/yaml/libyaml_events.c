/* The peer: libyaml's own event loop over the same file, building nothing. Prints the best CPU ms. */
#include <yaml.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: libyaml_events FILE ROUNDS\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size);
    if (fread(bytes, 1, size, file) != (size_t)size) { perror("read"); return 1; }
    fclose(file);
    double best = 1e12;
    int documents = 0;
    for (int round = 0; round < atoi(argv[2]); round++) {
        double start = now_ms();
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, bytes, size);
        documents = 0;
        for (;;) {
            if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "parse error\n"); return 1; }
            int done = event.type == YAML_STREAM_END_EVENT;
            if (event.type == YAML_DOCUMENT_START_EVENT) documents++;
            yaml_event_delete(&event);
            if (done) break;
        }
        yaml_parser_delete(&parser);
        double elapsed = now_ms() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("%.2f %d\n", best, documents);
    return 0;
}
