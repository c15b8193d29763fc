package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/parcproject/parc/collector/config"
	"github.com/parcproject/parc/collector/store"
)

// errUsage means the flag package already printed the problem; errHelp
// that help was asked for and printed.
var (
	errUsage = errors.New("usage")
	errHelp  = errors.New("help")
)

// cmdFlags is a command's flag set; every config flag maps to a config key.
type cmdFlags struct {
	fs      *flag.FlagSet
	cfgFile string
	keys    map[string]string // flag name -> config key
	values  map[string]*string
	// listKeys adds every configuration key to --help (serve).
	listKeys bool
}

func newFlags(s stdio, name, synopsis string) *cmdFlags {
	fs := flag.NewFlagSet("parc-collector "+name, flag.ContinueOnError)
	fs.SetOutput(s.err)
	f := &cmdFlags{fs: fs, keys: map[string]string{}, values: map[string]*string{}}
	fs.Usage = func() {
		fmt.Fprintf(s.err, "Usage: parc-collector %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		if f.listKeys {
			printConfigKeys(s.err)
			fmt.Fprintf(s.err, "\nGOGC (Go's variable) sets the garbage collector's target; serve uses %d when it is unset.\n", serveGCPercent)
		}
	}
	fs.StringVar(&f.cfgFile, "config", os.Getenv("PARC_CONFIG"), "YAML configuration `file` (PARC_CONFIG)")
	f.configFlag("data", "data", "data `directory`: the SQLite database parc.db lives here")
	f.configFlag("database", "database", "PostgreSQL `DSN` (postgres://user@host/db); empty for SQLite in --data")
	return f
}

// configFlag adds a flag that sets a configuration key.
func (f *cmdFlags) configFlag(name, key, help string) {
	def := config.Default()
	var v string
	f.values[name] = &v
	f.keys[name] = key
	d := map[string]string{"listen": def.Listen, "data": def.Data, "log_level": def.LogLevel, "log_format": def.LogFormat}[key]
	f.fs.StringVar(&v, name, d, help+" ("+config.EnvName(key)+")")
}

// boolFlag adds a flag without value (--glpi-compat) that sets a key.
func (f *cmdFlags) boolFlag(name, key, help string) {
	var v string
	f.values[name] = &v
	f.keys[name] = key
	f.fs.BoolFunc(name, help+" ("+config.EnvName(key)+")", func(s string) error { v = s; return nil })
}

// parse parses args and builds the configuration: defaults, file,
// environment, then the flags given on the command line.
func (f *cmdFlags) parse(args []string) (config.Config, error) {
	if err := f.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return config.Config{}, errHelp
		}
		return config.Config{}, errUsage
	}
	cfg := config.Default()
	if f.cfgFile != "" {
		if err := cfg.LoadFile(f.cfgFile); err != nil {
			return cfg, err
		}
	}
	if err := cfg.ApplyEnv(os.LookupEnv); err != nil {
		return cfg, err
	}
	var err error
	f.fs.Visit(func(fl *flag.Flag) {
		if key, ok := f.keys[fl.Name]; ok && err == nil {
			err = cfg.Set(key, *f.values[fl.Name])
		}
	})
	if err != nil {
		return cfg, err
	}
	return cfg, cfg.Validate()
}

// openStore opens and migrates the configured database.
func openStore(ctx context.Context, cfg config.Config) (store.Store, error) {
	st, err := store.Open(ctx, store.Options{DSN: cfg.DSN()})
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// withStore runs an admin command's work on the migrated store of cfg and
// closes it afterwards.
func withStore(cfg config.Config, fn func(ctx context.Context, st store.Store) error) error {
	ctx := context.Background()
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(ctx, st)
}

func newLogger(s stdio, cfg config.Config) *slog.Logger {
	var lvl slog.Level
	lvl.UnmarshalText([]byte(strings.ToUpper(cfg.LogLevel)))
	opts := &slog.HandlerOptions{Level: lvl}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(s.err, opts))
	}
	return slog.New(slog.NewTextHandler(s.err, opts))
}

// printConfigKeys lists the keys a --config file may set, each with the
// environment variable that overrides it.
func printConfigKeys(w io.Writer) {
	fmt.Fprintf(w, "\nConfiguration keys (YAML file given by --config; nested keys as sections, e.g.\n"+
		"mail:\n  smtp:\n    host: smtp.example.org). Each key can also be set by its variable:\n")
	for _, k := range config.Keys() {
		fmt.Fprintf(w, "  %-34s %s\n", k, config.EnvName(k))
	}
}
