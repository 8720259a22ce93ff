/* The raw libzmq peer of Capstan's messaging benchmark: the same PUB->SUB hop and 10 MB
   request/reply over tcp://127.0.0.1, with no framing, codec, threads or digests on top.
   Prints key=value lines that run.sh sets beside Capstan's figures. */
#include <zmq.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void send3(void *s, const char *topic, const char *header, const char *payload) {
    zmq_send(s, topic, strlen(topic), ZMQ_SNDMORE);
    zmq_send(s, header, strlen(header), payload ? ZMQ_SNDMORE : 0);
    if (payload) zmq_send(s, payload, strlen(payload), 0);
}

static void recv_all(void *s) {
    zmq_msg_t m;
    zmq_msg_init(&m);
    do { zmq_msg_recv(&m, s, 0); } while (zmq_msg_more(&m));
    zmq_msg_close(&m);
}

static void endpoint(void *s, char *out) {
    size_t n = 256;
    zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, out, &n);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 200, window = 1000, hops = argc > 2 ? atoi(argv[2]) : 5000;
    int gets = argc > 3 ? atoi(argv[3]) : 10, hwm = 10000;
    void *ctx = zmq_ctx_new();
    void *pub = zmq_socket(ctx, ZMQ_PUB), *sub = zmq_socket(ctx, ZMQ_SUB);
    zmq_setsockopt(pub, ZMQ_SNDHWM, &hwm, sizeof hwm);
    zmq_setsockopt(sub, ZMQ_RCVHWM, &hwm, sizeof hwm);
    char ep[256];
    zmq_bind(pub, "tcp://127.0.0.1:*");
    endpoint(pub, ep);
    zmq_connect(sub, ep);
    zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "", 0);
    /* Header of the same size as Capstan's: a realistic event with a digest. */
    const char *header = "{\"digest\":\"sha256:0000000000000000000000000000000000000000000000000000000000000000\","
                         "\"epoch\":\"00000000-0000-0000-0000-000000000000\",\"seq\":123456,\"v\":1}";
    /* Slow joiner: wait until the subscription is live. */
    for (;;) {
        send3(pub, "warm", header, NULL);
        zmq_pollitem_t item = {sub, 0, ZMQ_POLLIN, 0};
        if (zmq_poll(&item, 1, 10) > 0) { recv_all(sub); break; }
    }
    while (1) { zmq_pollitem_t item = {sub, 0, ZMQ_POLLIN, 0}; if (zmq_poll(&item, 1, 50) <= 0) break; recv_all(sub); }

    double start = now_us();
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < window; i++) send3(pub, "bench.key", header, NULL);
        for (int i = 0; i < window; i++) recv_all(sub);
    }
    double elapsed = now_us() - start;
    printf("pubsub_msgs_per_s=%.0f\n", rounds * (double)window / (elapsed / 1e6));

    double *lat = malloc(sizeof(double) * hops);
    for (int i = 0; i < hops; i++) {
        double t0 = now_us();
        send3(pub, "bench.key", header, NULL);
        recv_all(sub);
        lat[i] = now_us() - t0;
    }
    qsort(lat, hops, sizeof(double), compare);
    printf("pubsub_p50_us=%.1f\npubsub_p99_us=%.1f\n", lat[hops / 2], lat[hops * 99 / 100]);

    void *router = zmq_socket(ctx, ZMQ_ROUTER), *dealer = zmq_socket(ctx, ZMQ_DEALER);
    zmq_bind(router, "tcp://127.0.0.1:*");
    endpoint(router, ep);
    zmq_connect(dealer, ep);
    size_t size = 10u << 20;
    char *payload = malloc(size);
    memset(payload, 7, size);
    double *times = malloc(sizeof(double) * gets);
    for (int g = 0; g < gets; g++) {
        double t0 = now_us();
        zmq_send(dealer, "GET", 3, 0);
        zmq_msg_t id, req, reply;
        zmq_msg_init(&id); zmq_msg_init(&req); zmq_msg_init(&reply);
        zmq_msg_recv(&id, router, 0);
        zmq_msg_recv(&req, router, 0);
        zmq_msg_send(&id, router, ZMQ_SNDMORE);
        zmq_send(router, payload, size, 0);
        zmq_msg_recv(&reply, dealer, 0);
        if (zmq_msg_size(&reply) != size) { fprintf(stderr, "short reply\n"); return 1; }
        zmq_msg_close(&reply); zmq_msg_close(&req);
        times[g] = (now_us() - t0) / 1e3;
    }
    qsort(times, gets, sizeof(double), compare);
    printf("get10mb_p50_ms=%.2f\nget10mb_p99_ms=%.2f\n", times[gets / 2], times[gets - 1]);
    zmq_close(pub); zmq_close(sub); zmq_close(router); zmq_close(dealer);
    zmq_ctx_term(ctx);
    return 0;
}
