// Loads and executes the benchmark chart's templates with Go's text/template, for ../run.sh:
// each iteration reads every template, parses them into one set (as Helm's engine does) and
// executes the 200 non-helper templates. Values come pre-coalesced from coalesced.json, so Helm's
// coalescing, manifest sorting and YAML checks are NOT included: a lower bound for `helm template`.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"
)

func main() {
	root := os.Args[1]
	count, _ := strconv.Atoi(os.Args[2])
	raw, _ := os.ReadFile(filepath.Join(root, "coalesced.json"))
	var values map[string]interface{}
	if err := json.Unmarshal(raw, &values); err != nil {
		panic(err)
	}
	dirs := map[string]string{"app": filepath.Join(root, "app")}
	for _, sub := range []string{"sub1", "sub2", "sub3"} {
		dirs[sub] = filepath.Join(root, "app", "charts", sub)
	}
	start := time.Now()
	for i := 0; i < count; i++ {
		render(dirs, values)
	}
	elapsed := time.Since(start)
	fmt.Fprintf(os.Stderr, "renders=%d total=%.3fs per-render=%.1fus\n", count, elapsed.Seconds(), float64(elapsed.Microseconds())/float64(count))
}

func render(dirs map[string]string, values map[string]interface{}) {
	set := template.New("gotpl").Option("missingkey=zero")
	var jobs []string
	owner := map[string]string{}
	for chart, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "templates", "*"))
		for _, file := range files {
			text, _ := os.ReadFile(file)
			template.Must(set.New(file).Parse(string(text)))
			if !strings.HasPrefix(filepath.Base(file), "_") {
				jobs = append(jobs, file)
				owner[file] = chart
			}
		}
	}
	for _, job := range jobs {
		chart := owner[job]
		data := map[string]interface{}{
			"Values":  values[chart],
			"Release": map[string]interface{}{"Name": "bench", "Namespace": "default", "Service": "Helm"},
			"Chart":   map[string]interface{}{"Name": chart, "Version": "0.1.0"},
		}
		if err := set.ExecuteTemplate(io.Discard, job, data); err != nil {
			panic(err)
		}
	}
}
