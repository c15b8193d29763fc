package ingest

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
	"github.com/parcproject/parc/pkg/inventory"
)

var ctx = context.Background()

const examplesDir = "../../../shared/fixtures/glpi-inventory-format/examples"

// forEachDialect runs fn on a fresh store of each dialect.
func forEachDialect(t *testing.T, fn func(t *testing.T, st store.Store, in *Ingester)) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			st := storetest.Open(t, d)
			in, err := New(st, nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
			if err != nil {
				t.Fatal(err)
			}
			fn(t, st, in)
		})
	}
}

func example(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		t.Fatalf("read example: %v", err)
	}
	return data
}

func parse(t testing.TB, data []byte) *inventory.Report {
	t.Helper()
	rep, err := inventory.Parse(data)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return rep
}

func mustIngest(t testing.TB, in *Ingester, src Source, rep *inventory.Report) Result {
	t.Helper()
	res, err := in.Ingest(ctx, src, rep)
	if err != nil {
		t.Fatalf("ingest %s: %v", rep.DeviceID, err)
	}
	return res
}

func historyCount(t testing.TB, st store.Store, id int64) int {
	t.Helper()
	n, err := st.CountHistory(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// computer builds a small valid computer report.
func computer(deviceid, name, uuid, serial string, macs ...string) *inventory.Report {
	r := &inventory.Report{Action: "inventory", DeviceID: deviceid, ItemType: "Computer"}
	r.Content.VersionClient = "Parc-Agent_v0.1.0"
	r.Content.Hardware = &inventory.Hardware{Name: name, UUID: uuid, Memory: 8000}
	r.Content.Bios = &inventory.Bios{SSN: serial, SManufacturer: "Dell Inc.", SModel: "OptiPlex 7090"}
	r.Content.Networks = []inventory.Network{}
	for i, m := range macs {
		r.Content.Networks = append(r.Content.Networks, inventory.Network{Description: "eth" + string(rune('0'+i)), MAC: m, IPAddress: "192.168.1.10"})
	}
	return r
}

// clone deep-copies a report through JSON.
func clone(t testing.TB, r *inventory.Report) *inventory.Report {
	t.Helper()
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, data)
}
