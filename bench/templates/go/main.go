// Executes the same template with Go's text/template, for the ratio printed by ../run.sh.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/template"
	"time"
)

func main() {
	text, _ := os.ReadFile(os.Args[1])
	raw, _ := os.ReadFile(os.Args[2])
	count, _ := strconv.Atoi(os.Args[3])
	var data interface{}
	dec := json.NewDecoder(bytesReader(raw))
	dec.UseNumber()
	_ = json.Unmarshal(raw, &data)
	funcs := template.FuncMap{"default": func(d interface{}, v ...interface{}) interface{} {
		if len(v) == 0 || v[0] == nil || v[0] == "" {
			return d
		}
		return v[0]
	}}
	t := template.Must(template.New("bench").Funcs(funcs).Parse(string(text)))
	start := time.Now()
	for i := 0; i < count; i++ {
		if err := t.Execute(io.Discard, data); err != nil {
			panic(err)
		}
	}
	elapsed := time.Since(start)
	fmt.Fprintf(os.Stderr, "executions=%d total=%.3fs per-execution=%.1fus\n", count, elapsed.Seconds(), float64(elapsed.Microseconds())/float64(count))
}

type reader struct{ b []byte }

func (r *reader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &reader{b} }
