package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

// BenchmarkListAssets measures the park list on 100,000 assets: the
// default page, a text search, a filter and the "not seen" view.
func BenchmarkListAssets(b *testing.B) {
	for _, d := range storetest.Dialects {
		b.Run(d, func(b *testing.B) {
			st := storetest.Open(b, d)
			ctx := context.Background()
			now := time.Now()
			const n = 100_000
			for start := 0; start < n; start += 5000 {
				err := st.WithTx(ctx, func(q store.Queries) error {
					for i := start; i < start+5000; i++ {
						a := &store.Asset{Type: store.AssetTypes[i%3], Name: fmt.Sprintf("PC-%06d", i), Serial: fmt.Sprintf("SN%08d", i),
							Manufacturer: []string{"Dell", "HP", "Lenovo"}[i%3], OSName: []string{"Windows 11 Pro", "Debian GNU/Linux 12"}[i%2],
							LastUser: fmt.Sprintf("user%d", i%5000), IP: fmt.Sprintf("10.%d.%d.%d", i>>16, (i>>8)&255, i&255),
							LastInventoryAt: now.Add(-time.Duration(i%90) * 24 * time.Hour)}
						if err := q.CreateAsset(ctx, a); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			for name, f := range map[string]store.AssetFilter{
				"page":         {Limit: 50},
				"page_500":     {Limit: 50, Offset: 25000, Sort: "last_inventory", Desc: true},
				"search":       {Query: "pc-0421", Limit: 50},
				"filter":       {Type: store.TypeComputer, Manufacturer: "Dell", Limit: 50},
				"not_seen_30d": {SeenBefore: now.Add(-30 * 24 * time.Hour), Limit: 50},
			} {
				b.Run(name, func(b *testing.B) {
					for i := 0; i < b.N; i++ {
						if _, err := st.ListAssets(ctx, f); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
