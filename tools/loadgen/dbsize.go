package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver
	_ "github.com/mattn/go-sqlite3"    // "sqlite3" driver

	"github.com/parcproject/parc/collector/store"
)

func cmdDBSize(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("dbsize", flag.ContinueOnError)
	dsn := fs.String("database", "", "store `DSN`: a SQLite file path or postgres://...")
	save := fs.String("save", "", "write the size in bytes to this `file` (measure the empty database before a run)")
	baseline := fs.String("baseline", "", "subtract the size saved in this `file` by -save before the per-PC figure")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" {
		return errors.New("dbsize: -database is required")
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	total, computers, err := countAssets(ctx, st)
	st.Close()
	if err != nil {
		return err
	}
	size, err := databaseSize(ctx, *dsn)
	if err != nil {
		return err
	}
	if *save != "" {
		return os.WriteFile(*save, []byte(strconv.FormatInt(size, 10)+"\n"), 0o644)
	}
	var base int64
	if *baseline != "" {
		data, err := os.ReadFile(*baseline)
		if err != nil {
			return fmt.Errorf("dbsize: %w", err)
		}
		if base, err = strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64); err != nil {
			return fmt.Errorf("dbsize: %s: %w", *baseline, err)
		}
	}
	const mib = 1 << 20
	fmt.Fprintf(out, "database size: %.1f MiB for %d computers (%d assets)", float64(size)/mib, computers, total)
	if base > 0 {
		fmt.Fprintf(out, ", %.1f MiB when empty", float64(base)/mib)
	}
	if computers > 0 {
		fmt.Fprintf(out, ": %.1f MiB per 1,000 PCs", float64(size-base)/mib/float64(computers)*1000)
	}
	fmt.Fprintln(out)
	return nil
}

// databaseSize is the bytes the database takes: on PostgreSQL
// pg_database_size; on SQLite the file plus its WAL after a checkpoint
// (run it with the collector stopped, or the WAL may not truncate).
func databaseSize(ctx context.Context, dsn string) (int64, error) {
	if store.IsPostgres(dsn) {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return 0, fmt.Errorf("open %s: %w", dsn, err)
		}
		defer db.Close()
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT pg_database_size(current_database())").Scan(&n); err != nil {
			return 0, fmt.Errorf("pg_database_size: %w", err)
		}
		return n, nil
	}
	db, err := sql.Open("sqlite3", "file:"+dsn+"?_busy_timeout=10000")
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", dsn, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return 0, fmt.Errorf("checkpoint %s: %w", dsn, err)
	}
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		fi, err := os.Stat(dsn + suffix)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("database size: %w", err)
		}
		n += fi.Size()
	}
	return n, nil
}
