// Command agentbench runs parc-agent's inventory side by side with Debian's
// fusioninventory-agent on the same machine and prints wall time and peak
// RSS (median of N runs), the number of software entries each finds against
// `dpkg-query -W`, and the number of facts (non-empty leaf values) per
// section, so the agent issue's targets can be checked in one run.
//
// Usage: agentbench [-n 5] [-agent bin/parc-agent] [-fusion fusioninventory-agent]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type measure struct {
	wall time.Duration
	rss  int64 // KiB
}

func main() {
	n := flag.Int("n", 5, "runs of each agent; the median is reported")
	agent := flag.String("agent", "bin/parc-agent", "path of the parc-agent binary")
	fusion := flag.String("fusion", "fusioninventory-agent", "fusioninventory-agent command")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(context.Background(), *n, *agent, *fusion); err != nil {
		log.Error("agentbench failed", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, n int, agent, fusion string) error {
	tmp, err := os.MkdirTemp("", "agentbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	parcOut := filepath.Join(tmp, "parc.json")
	parcRuns, err := repeat(ctx, n, func() *exec.Cmd {
		return exec.CommandContext(ctx, agent, "inventory", "-o", parcOut)
	})
	if err != nil {
		return fmt.Errorf("parc-agent: %w", err)
	}
	fusionDir := filepath.Join(tmp, "fusion")
	fusionRuns, err := repeat(ctx, n, func() *exec.Cmd {
		os.RemoveAll(fusionDir)
		os.MkdirAll(fusionDir, 0o755)
		return exec.CommandContext(ctx, fusion, "--local", fusionDir, "--no-category=printer")
	})
	if err != nil {
		return fmt.Errorf("fusioninventory-agent (install it with apt-get install fusioninventory-agent): %w", err)
	}

	parcFacts, parcSoft, err := parcFacts(parcOut)
	if err != nil {
		return err
	}
	fusionFile, err := firstFile(fusionDir)
	if err != nil {
		return err
	}
	fusionFacts, fusionSoft, err := xmlFacts(fusionFile)
	if err != nil {
		return err
	}
	dpkg, err := dpkgCount(ctx)
	if err != nil {
		return err
	}
	size, err := fileSize(agent)
	if err != nil {
		return err
	}

	pm, fm := median(parcRuns), median(fusionRuns)
	fmt.Printf("agentbench: median of %d runs on this machine\n", n)
	fmt.Printf("%-26s %14s %14s\n", "", "parc-agent", "fusioninventory")
	fmt.Printf("%-26s %14s %14s\n", "wall time", pm.wall.Round(time.Millisecond), fm.wall.Round(time.Millisecond))
	fmt.Printf("%-26s %11.1f MB %11.1f MB\n", "peak RSS", float64(pm.rss)/1024, float64(fm.rss)/1024)
	fmt.Printf("%-26s %14d %14d   (dpkg-query -W: %d)\n", "software entries", parcSoft, fusionSoft, dpkg)
	fmt.Printf("%-26s %14d %14d\n", "software facts", parcFacts["softwares"], fusionFacts["softwares"])
	fmt.Printf("%-26s %14d %14d   (every other section but processes and envs, which are run-time state)\n",
		"hardware and system facts", hwFacts(parcFacts), hwFacts(fusionFacts))
	fmt.Printf("parc-agent binary: %.1f MB (stripped)\n", float64(size)/1e6)
	ratio := float64(fm.wall) / float64(pm.wall)
	fmt.Printf("wall time ratio: parc-agent is %.1fx faster (target >= 10x)\n", ratio)
	fmt.Println("facts per section (parc / fusion):")
	for _, s := range sortedKeys(parcFacts, fusionFacts) {
		fmt.Printf("  %-20s %5d / %5d\n", s, parcFacts[s], fusionFacts[s])
	}
	return nil
}

func repeat(ctx context.Context, n int, mk func() *exec.Cmd) ([]measure, error) {
	var out []measure
	for i := 0; i < n; i++ {
		cmd := mk()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("%s: %w: %s", cmd.Path, err, lastLine(stderr.String()))
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return nil, errors.New("no rusage on this platform")
		}
		out = append(out, measure{wall: time.Since(start), rss: ru.Maxrss})
	}
	return out, nil
}

func median(ms []measure) measure {
	w := make([]time.Duration, len(ms))
	r := make([]int64, len(ms))
	for i, m := range ms {
		w[i], r[i] = m.wall, m.rss
	}
	slices.Sort(w)
	slices.Sort(r)
	return measure{wall: w[len(w)/2], rss: r[len(r)/2]}
}

func parcFacts(path string) (map[string]int, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	var doc struct {
		Content map[string]any `json:"content"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, 0, fmt.Errorf("parse parc report: %w", err)
	}
	facts := map[string]int{}
	for k, v := range doc.Content {
		if k == "parc" || k == "versionclient" || k == "versionprovider" || k == "accesslog" {
			continue
		}
		facts[k] = countLeaves(v)
	}
	soft, _ := doc.Content["softwares"].([]any)
	return facts, len(soft), nil
}

func countLeaves(v any) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for _, e := range x {
			n += countLeaves(e)
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += countLeaves(e)
		}
		return n
	case string:
		if strings.TrimSpace(x) == "" {
			return 0
		}
		return 1
	case nil:
		return 0
	default:
		return 1
	}
}

func dpkgCount(ctx context.Context) (int, error) {
	out, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f", "${db:Status-Abbrev}\n").Output()
	if err != nil {
		return 0, fmt.Errorf("dpkg-query: %w", err)
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "ii") {
			n++
		}
	}
	return n, nil
}

func firstFile(dir string) (string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for _, e := range ents {
		if !e.IsDir() {
			return filepath.Join(dir, e.Name()), nil
		}
	}
	return "", fmt.Errorf("fusioninventory-agent wrote nothing in %s", dir)
}

func fileSize(p string) (int64, error) {
	st, err := os.Stat(p)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// hwFacts sums the facts of every section but software and the run-time
// state sections (processes, environment variables) that Parc leaves out.
func hwFacts(m map[string]int) int {
	n := 0
	for k, v := range m {
		switch k {
		case "softwares", "processes", "envs":
		default:
			n += v
		}
	}
	return n
}

func sortedKeys(ms ...map[string]int) []string {
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
