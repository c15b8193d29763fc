package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// The seed command fills a park to a size (100,000 assets) that agents
// could only reach in an hour: it writes the asset rows and MACs that
// ingest would write for each machine's first report, through the store's
// own CreateAsset and SetAssetMACs, a thousand machines per transaction.
// Components and software are not written; the park list does not read
// them.

func cmdSeed(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	dsn := fs.String("database", "", "store `DSN`: a SQLite file path or postgres://...")
	assets := fs.Int("assets", 10000, "fill the park up to this many assets (computers and their monitors)")
	seed := fs.Uint64("seed", 1, "seed of the park")
	batch := fs.Int("batch", 1000, "machines per transaction")
	writers := fs.Int("writers", 0, "concurrent transactions (default: 1 on SQLite, 4 on PostgreSQL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dsn == "" || *assets < 1 || *batch < 1 {
		return errors.New("seed: -database is required, -assets and -batch must be at least 1")
	}
	st, err := openStore(ctx, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	n, err := seedPark(ctx, st, *seed, *assets, *batch, *writers)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "seed: %d assets in the park (%d added in %.1fs)\n", *assets-min(n.left, 0), n.added, time.Since(start).Seconds())
	if st.Dialect() == "postgres" {
		return vacuumAnalyze(ctx, *dsn)
	}
	return nil
}

// vacuumAnalyze does on PostgreSQL what autovacuum does some time after a
// bulk load: statistics for the planner and the visibility map that lets
// COUNT(*) use an index-only scan. A park that grew over months has both;
// without them the list measured right after seeding is up to ten times
// slower than any real park's. (SQLite has no autovacuum counterpart, and
// the collector does not run ANALYZE, so nothing is done there.)
func vacuumAnalyze(ctx context.Context, dsn string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("open %s: %w", dsn, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		return fmt.Errorf("vacuum analyze: %w", err)
	}
	return nil
}

// openStore opens and migrates a store.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	st, err := store.Open(ctx, store.Options{DSN: dsn})
	if err != nil {
		return nil, err
	}
	if err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// countAssets is the number of assets of every type.
func countAssets(ctx context.Context, q store.Queries) (total, computers int, err error) {
	by, err := q.CountAssetsByType(ctx)
	if err != nil {
		return 0, 0, err
	}
	for _, n := range by {
		total += n
	}
	return total, by[store.TypeComputer], nil
}

type seedCount struct{ added, left int }

// seedPark adds machines after those already in the store (machine k of
// the seed's park for the k-th computer, so a park first filled by `run`
// with the same seed continues without duplicates) until it holds target
// assets. Two goroutines build machines, writers store them.
func seedPark(ctx context.Context, st store.Store, seed uint64, target, batch, writers int) (seedCount, error) {
	total, computers, err := countAssets(ctx, st)
	if err != nil {
		return seedCount{}, err
	}
	if writers <= 0 {
		writers = map[bool]int{true: 1, false: 4}[st.Dialect() == "sqlite"]
	}
	need := target - total
	if need <= 0 {
		return seedCount{left: need}, nil
	}
	// A machine is at least one asset (plus its monitors): need machines
	// are always enough.
	p, err := NewPark(seed, computers+need)
	if err != nil {
		return seedCount{}, err
	}
	norm, err := park.NewNormaliser("")
	if err != nil {
		return seedCount{}, err
	}
	b := &seedBudget{left: need}
	batches := make(chan []*Machine, writers+2)
	var gen sync.WaitGroup
	var next atomic.Int64
	next.Store(int64(computers))
	for range 2 {
		gen.Add(1)
		go func() {
			defer gen.Done()
			for !b.spent() && ctx.Err() == nil {
				first := int(next.Add(int64(batch))) - batch
				if first >= p.Len() {
					return
				}
				var ms []*Machine
				for i := first; i < min(first+batch, p.Len()); i++ {
					ms = append(ms, p.Machine(i))
				}
				batches <- ms
			}
		}()
	}
	go func() { gen.Wait(); close(batches) }()
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ms := range batches {
				if ms = b.take(ms); len(ms) == 0 || errs[w] != nil {
					continue // drain
				}
				n, err := writeBatch(ctx, st, norm, ms)
				errs[w] = err
				b.done(n)
			}
		}()
	}
	wg.Wait()
	return seedCount{added: b.added, left: b.left}, errors.Join(errs...)
}

// seedBudget hands out the assets still to create to concurrent writers.
type seedBudget struct {
	mu          sync.Mutex
	left, added int
}

func (b *seedBudget) spent() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.left <= 0
}

// take returns the machines of ms that fit in the budget (a machine with
// its monitors may go over by two) and books them.
func (b *seedBudget) take(ms []*Machine) []*Machine {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, m := range ms {
		if b.left <= 0 {
			return ms[:i]
		}
		b.left -= 1 + len(m.Full.Content.Monitors)
	}
	return ms
}

func (b *seedBudget) done(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.added += n
}

// writeBatch writes machines' assets, MACs and monitors in one transaction
// and returns the number of assets created.
func writeBatch(ctx context.Context, st store.Store, norm *park.Normaliser, machines []*Machine) (int, error) {
	n := 0
	err := st.WithTx(ctx, func(q store.Queries) error {
		n = 0
		for _, m := range machines {
			seen := time.Now().UTC().Add(-time.Duration(m.rnd.IntN(90*24)) * time.Hour)
			a := &store.Asset{Type: store.TypeComputer, Source: "loadgen", DeviceID: m.DeviceID,
				LastInventoryAt: seen, CreatedAt: seen, UpdatedAt: seen}
			c := &m.Full.Content
			for _, f := range park.Fields {
				if v, ok := f.From(c, norm); ok {
					f.Set(a, v)
				}
			}
			park.SetKeys(a)
			if err := q.CreateAsset(ctx, a); err != nil {
				return err
			}
			if macs, ok := park.MACs(c); ok {
				if err := q.SetAssetMACs(ctx, a.ID, macs); err != nil {
					return err
				}
			}
			n++
			for _, mon := range c.Monitors {
				ma := &store.Asset{Type: store.TypeMonitor, Name: mon.Caption, Model: mon.Caption,
					Manufacturer: norm.Manufacturer(mon.Manufacturer), Serial: mon.Serial, ParentID: a.ID,
					Source: "loadgen", LastInventoryAt: seen, CreatedAt: seen, UpdatedAt: seen}
				park.SetKeys(ma)
				if err := q.CreateAsset(ctx, ma); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("seed batch: %w", err)
	}
	return n, nil
}
