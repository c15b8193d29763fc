package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/parcproject/parc/agent/config"
)

// cli holds one command's flags: --config, every configuration key as a
// flag, and the command's own flags.
type cli struct {
	fs         *flag.FlagSet
	configPath string
	overrides  map[string]string // config key -> value given as a flag
}

func newCLI(c *command, stderr io.Writer) *cli {
	fs := flag.NewFlagSet("parc-agent "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed once, by run
	fs.Usage = func() {}
	l := &cli{fs: fs, overrides: map[string]string{}}
	fs.StringVar(&l.configPath, "config", "", "configuration file (default "+config.DefaultConfigPath()+")")
	for _, k := range config.Keys {
		set := func(v string) error { l.overrides[k.Name] = v; return nil }
		if k.IsBool {
			fs.BoolFunc(k.Flag(), k.Help, set)
		} else {
			fs.Func(k.Flag(), k.Help, set)
		}
	}
	if c.flags != nil {
		c.flags(fs)
	}
	return l
}

// parse reads flags and returns the positional arguments. Flags may come
// before or after positional arguments ("service install --config x").
func (l *cli) parse(args []string) ([]string, error) {
	var rest []string
	for {
		if err := l.fs.Parse(args); err != nil {
			return nil, err
		}
		args = l.fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// load reads the configuration: the file, then PARC_* variables, then flags.
func (l *cli) load() (*config.Config, error) {
	path := l.configPath
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	return config.Load(config.Sources{File: path, FileRequired: path != "", Flags: l.overrides})
}

// newLogger builds the slog logger the configuration asks for.
func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	var log *slog.Logger
	if cfg.LogFormat == "json" {
		log = slog.New(slog.NewJSONHandler(w, opts))
	} else {
		log = slog.New(slog.NewTextHandler(w, opts))
	}
	for _, n := range cfg.Notes {
		log.Warn(n)
	}
	return log
}

func printRootHelp(w io.Writer) {
	fmt.Fprint(w, `parc-agent inventories this computer in the GLPI native inventory format and
sends it to a Parc collector.

Usage:
  parc-agent <command> [flags]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "help", "show this help, or a command's: parc-agent help run")
	fmt.Fprint(w, `
Examples:
  parc-agent inventory -o pc.json
  parc-agent run --server https://parc.example.org --enroll-secret S --once
  sudo parc-agent service install --server https://parc.example.org --enroll-secret S

Run 'parc-agent <command> --help' for a command's own flags.

`)
	printConfigHelp(w)
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: parc-agent %s %s\n\n%s\n", c.name, c.usage, c.about)
	own := flag.NewFlagSet("", flag.ContinueOnError)
	if c.flags != nil {
		c.flags(own)
	}
	first := true
	own.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nFlags:\n")
			first = false
		}
		name, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(w, "  %s%s%s\n      %s\n", dash, f.Name, name, usage)
	})
	fmt.Fprintln(w)
	printConfigHelp(w)
}

// printConfigHelp lists every configuration key with its flag, its
// environment variable and its default.
func printConfigHelp(w io.Writer) {
	fmt.Fprintf(w, `Configuration (every command):
  --config FILE   YAML file of key: value lines (default %s;
                  a missing default file is fine, a missing --config file is an error)

  Each key below can be set in that file, overridden by its PARC_* environment
  variable, itself overridden by its --flag.

`, config.DefaultConfigPath())
	for _, k := range config.Keys {
		dv := k.Default
		if dv == "" {
			dv = `""`
		}
		fmt.Fprintf(w, "  %-26s --%s, %s (default %s)\n", k.Name, k.Flag(), k.Env(), dv)
		fmt.Fprintf(w, "      %s\n      Value: %s.\n", k.Help, k.Want)
	}
}

// stateDirHint is appended to errors about the state directory.
func stateDirHint(dir string) string {
	if os.PathSeparator == '\\' {
		return fmt.Sprintf("run as Administrator, or set --state-dir (PARC_STATE_DIR) to a directory you can write instead of %s", dir)
	}
	return fmt.Sprintf("run as root, or set --state-dir (PARC_STATE_DIR) to a directory you can write instead of %s", dir)
}

// splitList reads "a,b, c" into [a b c].
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
