package ingest

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/inventory"
)

// New PCs reported at the same time with overlapping, differently ordered
// software must all be stored: on PostgreSQL they race for the same
// catalogue rows (a deadlock before the inserts were ordered).
func TestConcurrentFirstReportsShareSoftware(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		const pcs, softs = 12, 60
		var wg sync.WaitGroup
		errs := make(chan error, pcs)
		for i := range pcs {
			r := computer(fmt.Sprintf("pc-%02d", i), fmt.Sprintf("PC-%02d", i),
				fmt.Sprintf("uuid-%04d-conc", i), fmt.Sprintf("SNC%04d", i), fmt.Sprintf("00:11:22:33:44:%02x", i))
			for j := range softs {
				r.Content.Softwares = append(r.Content.Softwares,
					inventory.Software{Name: fmt.Sprintf("Tool %02d", j), Publisher: "Acme", Version: fmt.Sprintf("1.%d", i%3)})
			}
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			rng.Shuffle(len(r.Content.Softwares), func(a, b int) {
				r.Content.Softwares[a], r.Content.Softwares[b] = r.Content.Softwares[b], r.Content.Softwares[a]
			})
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := in.Ingest(ctx, Source{Origin: "glpi"}, r); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("ingest: got %v; want every concurrent report stored", err)
		}
		page, err := st.ListAssets(ctx, store.AssetFilter{Type: store.TypeComputer})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != pcs {
			t.Errorf("computers: got %d; want %d", page.Total, pcs)
		}
	})
}
