package snmp

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"
)

// The prefetch keeps, for every column it reads in full, exactly the rows
// a walk of that column alone gives, and says absent only what is absent;
// it reads them in fewer requests than column-by-column walks.
func TestPrefetchMatchesWalks(t *testing.T) {
	t.Parallel()
	walks := map[string]string{
		"snmpsim-data/cisco-c3560":             TypeNetworking,
		"snmpsim-data/juniper-mx960-12-3r6-6":  TypeNetworking,
		"snmpsim-data/hpe-procurve-516733-b21": TypeNetworking,
		"librenms/brother":                     TypePrinter,
		"snmprec/glpi-agent-sample1":           TypeNetworking,
		"snmprec/glpi-agent-sample3":           TypePrinter,
	}
	for community, typ := range walks {
		t.Run(community, func(t *testing.T) {
			ctx := ctxT(t)
			walk, probe, perPort := inventoryTables(typ)
			s := dialWalk(t, community)
			defer s.cacheWalks()()
			s.prefetch(ctx, walk, probe, perPort)
			prefetched := s.Requests()

			fresh := dialWalk(t, community)
			defer fresh.cacheWalks()()
			kept := 0
			for _, root := range append(append([]string{}, walk...), probe...) {
				want, err := fresh.Walk(ctx, root)
				if err != nil {
					t.Fatalf("walk %s: %v", root, err)
				}
				got, ok := s.cachedWalk(normOID(root))
				if !ok {
					if !contains(probe, root) {
						t.Errorf("%s: not prefetched", root)
					}
					continue
				}
				kept++
				if len(got) != len(want) {
					t.Errorf("%s: prefetched %d rows; a walk gives %d", root, len(got), len(want))
				}
				for k, v := range want {
					if g, ok := got[k]; !ok || fmt.Sprint(g.Value) != fmt.Sprint(v.Value) || g.Type != v.Type {
						t.Errorf("%s.%s: prefetched %v; a walk gives %v", root, k, got[k].Value, v.Value)
					}
				}
			}
			if kept < len(walk) {
				t.Errorf("kept %d subtrees; want at least the %d walked ones", kept, len(walk))
			}
			if prefetched >= fresh.Requests() {
				t.Errorf("prefetch sent %d requests; column walks %d", prefetched, fresh.Requests())
			}
			t.Logf("prefetch %d requests, %d variables; column walks %d requests, %d variables",
				prefetched, s.Variables(), fresh.Requests(), fresh.Variables())
		})
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// A device that drops GETBULKs with several varbinds costs the prefetch
// one lost answer; the readers then walk it as usual and get every row.
func TestPrefetchGivesUpOnLostAnswer(t *testing.T) {
	const root, rows = ".1.3.6.1.2.1.2.2.1.2", 30
	a := startFakeAgent(t, root, rows, 100) // answers one varbind only
	s, err := Dial(context.Background(), a.conn.LocalAddr().String(), Credential{Version: "2c", Community: "public"},
		Options{Timeout: 300 * time.Millisecond, Retries: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defer s.cacheWalks()()
	s.prefetch(ctxT(t), []string{root, ".1.3.6.1.2.1.2.2.1.3"}, []string{".1.3.6.1.4.1.9.9.46"}, nil)
	if got := s.Requests(); got != 2 {
		t.Errorf("prefetch sent %d requests; want 2 (one lost answer, asked twice)", got)
	}
	if _, ok := s.cachedWalk(root); ok {
		t.Fatal("prefetch kept a column it could not read")
	}
	tab, err := s.Walk(ctxT(t), root)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab) != rows {
		t.Errorf("walk after the prefetch: %d rows; want %d", len(tab), rows)
	}
}

// No prefetch GETBULK asks for more than bulkBudget variables: snmpsimd
// would loop forever on some of them.
func TestPlanBatchesWithinBudget(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		var cols []*column
		for i := range 1 + rng.Intn(80) {
			root := fmt.Sprintf(".1.3.6.1.2.1.%d.1.%d", rng.Intn(5), i)
			c := &column{root: root, cur: root, entry: root[:len(root)-2], rows: Table{}, probe: rng.Intn(4) == 0}
			if rng.Intn(2) == 0 {
				c.cur = root + ".7"
				for j := range rng.Intn(100) {
					c.rows[fmt.Sprint(j)] = c.rows[""]
				}
			}
			cols = append(cols, c)
		}
		sizes := map[string]int{}
		hint := func(e string) (int, bool) {
			n, ok := sizes[e]
			return n, ok
		}
		for e := range 5 {
			if rng.Intn(2) == 0 {
				sizes[fmt.Sprintf(".1.3.6.1.2.1.%d.1", e)] = rng.Intn(300)
			}
		}
		budget := uint32(1 + rng.Intn(bulkBudget))
		planned := map[*column]bool{}
		for _, b := range planBatches(cols, hint, budget) {
			if n := uint32(len(b.oids)) * b.reps; n > budget || b.reps == 0 {
				t.Fatalf("batch of %d varbinds x %d repetitions; budget %d", len(b.oids), b.reps, budget)
			}
			for _, c := range b.cols {
				if planned[c] {
					t.Fatalf("column %s asked twice in a round", c.root)
				}
				planned[c] = true
			}
		}
		if len(planned) == 0 {
			t.Fatal("no batch for active columns")
		}
	}
}

func TestCmpOID(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	oid := func() string {
		s := ""
		for range 1 + rng.Intn(6) {
			s += fmt.Sprintf(".%d", []int{0, 1, 2, 9, 10, 11, 99, 100, 4294967295}[rng.Intn(9)])
		}
		return s
	}
	for range 5000 {
		a, b := oid(), oid()
		if got, want := cmpOID(a, b), compareOID(a, b); got != want {
			t.Fatalf("cmpOID(%s, %s) = %d; want %d", a, b, got, want)
		}
	}
}
