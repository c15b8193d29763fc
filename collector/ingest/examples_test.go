package ingest

import (
	"strings"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// TestExamples ingests every upstream example, checks the asset it yields,
// then re-ingests it and checks nothing is written to history.
func TestExamples(t *testing.T) {
	tests := []struct {
		file, typ, name, serial, manufacturer string
		minComponents                         int
		minSoftware                           int
		same                                  bool // the same device as the previous example
	}{
		{"computer_1.json", store.TypeComputer, "glpixps", "640HP72", "Dell", 10, 5, false},
		{"computer_2.json", store.TypeComputer, "", "", "", 2, 0, false},
		{"networkequipment_1.json", store.TypeNetwork, "ucs6248up-cluster-pa3-B", "", "Cisco", 10, 0, false},
		// Ports, counters and cartridges of network devices have tables of
		// their own (see TestNetExamples): network_device and firmwares remain.
		{"networkequipment_3.json", store.TypeNetwork, "", "", "", 2, 0, false},
		{"networkequipment_5.json", store.TypeNetwork, "", "", "", 5, 0, false},
		{"printer_1.json", store.TypePrinter, "NPIF2BE10", "PHCVN191TG", "HP", 2, 0, false},
		{"printer_2.json", store.TypePrinter, "", "", "", 2, 0, false},
		{"printer_3.json", store.TypePrinter, "MX5970", "SDFSDF9874", "Canon", 2, 0, true},
		{"phone_1.json", store.TypePhone, "", "", "", 5, 1, false},
	}
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		for _, tc := range tests {
			t.Run(tc.file, func(t *testing.T) {
				rep := parse(t, example(t, tc.file))
				res := mustIngest(t, in, Source{Origin: "glpi"}, rep)
				if res.Created == tc.same {
					t.Errorf("got created %v; want %v", res.Created, !tc.same)
				}
				a, err := st.GetAsset(ctx, res.AssetID)
				if err != nil {
					t.Fatal(err)
				}
				if a.Type != tc.typ {
					t.Errorf("got type %q; want %q", a.Type, tc.typ)
				}
				if tc.name != "" && !strings.EqualFold(a.Name, tc.name) {
					t.Errorf("got name %q; want %q", a.Name, tc.name)
				}
				if tc.serial != "" && a.Serial != tc.serial {
					t.Errorf("got serial %q; want %q", a.Serial, tc.serial)
				}
				if tc.manufacturer != "" && a.Manufacturer != tc.manufacturer {
					t.Errorf("got manufacturer %q; want %q", a.Manufacturer, tc.manufacturer)
				}
				cs, err := st.Components(ctx, a.ID, "")
				if err != nil {
					t.Fatal(err)
				}
				if len(cs) < tc.minComponents {
					t.Errorf("got %d components; want at least %d", len(cs), tc.minComponents)
				}
				ins, err := st.Installations(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(ins) < tc.minSoftware {
					t.Errorf("got %d installations; want at least %d", len(ins), tc.minSoftware)
				}
				before := historyCount(t, st, a.ID)
				if !tc.same && before != 1 {
					t.Errorf("got %d history rows for a new asset; want 1 (created)", before)
				}
				res2 := mustIngest(t, in, Source{Origin: "glpi"}, parse(t, example(t, tc.file)))
				if res2.AssetID != a.ID || res2.Created {
					t.Errorf("re-ingest went to asset %d (created %v); want %d", res2.AssetID, res2.Created, a.ID)
				}
				if after := historyCount(t, st, a.ID); after != before {
					t.Errorf("re-ingest added %d history rows; want 0", after-before)
				}
			})
		}
	})
}

// TestPartialExamples checks a partial report updates only its sections.
func TestPartialExamples(t *testing.T) {
	forEachDialect(t, func(t *testing.T, st store.Store, in *Ingester) {
		full := mustIngest(t, in, Source{Origin: "glpi"}, parse(t, example(t, "computer_1.json")))
		before, err := st.Components(ctx, full.AssetID, "")
		if err != nil {
			t.Fatal(err)
		}
		insBefore, _ := st.Installations(ctx, full.AssetID)
		a0, _ := st.GetAsset(ctx, full.AssetID)

		res := mustIngest(t, in, Source{Origin: "glpi"}, parse(t, example(t, "computer_1_partial_cpu.json")))
		if res.AssetID != full.AssetID {
			t.Fatalf("partial went to asset %d; want %d", res.AssetID, full.AssetID)
		}
		after, _ := st.Components(ctx, full.AssetID, "")
		insAfter, _ := st.Installations(ctx, full.AssetID)
		if len(insAfter) != len(insBefore) {
			t.Errorf("partial cpu report changed software: %d -> %d", len(insBefore), len(insAfter))
		}
		changed := changedSections(before, after)
		for s := range changed {
			if s != "cpus" && s != "bios" && s != "hardware" {
				t.Errorf("partial cpu report changed section %s", s)
			}
		}
		if a1, _ := st.GetAsset(ctx, full.AssetID); a1.OSName != a0.OSName || a1.OSName == "" {
			t.Errorf("got OS %q after partial cpu report; want %q kept", a1.OSName, a0.OSName)
		}

		res = mustIngest(t, in, Source{Origin: "glpi"}, parse(t, example(t, "computer_1_partial_softs.json")))
		insSofts, _ := st.Installations(ctx, res.AssetID)
		var gitg []string
		for _, in := range insSofts {
			if in.Name == "gitg" {
				gitg = append(gitg, in.Version)
			}
		}
		if len(insSofts) != len(insBefore) || len(gitg) != 1 || gitg[0] != "3.33.0-1.fc31" {
			t.Errorf("got %d installations, gitg %v after partial softs; want %d, gitg [3.33.0-1.fc31]", len(insSofts), gitg, len(insBefore))
		}
		hist, _ := st.AssetHistory(ctx, res.AssetID, 0, 10)
		var soft []string
		for _, h := range hist {
			if h.Field == "software" {
				soft = append(soft, h.OldValue+">"+h.NewValue)
			}
		}
		if len(soft) != 2 {
			t.Errorf("got software history %v; want gitg removed and added", soft)
		}
		final, _ := st.Components(ctx, full.AssetID, "")
		for s := range changedSections(after, final) {
			if s != "bios" && s != "hardware" && s != "operatingsystem" {
				t.Errorf("partial softs report changed section %s", s)
			}
		}
		if _, ok := sectionSet(final)["storages"]; !ok {
			t.Errorf("partial reports removed the storages section; want it kept")
		}
	})
}

func sectionSet(cs []store.Component) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, c := range cs {
		if out[c.Section] == nil {
			out[c.Section] = map[string]string{}
		}
		out[c.Section][c.ItemKey] = c.Hash
	}
	return out
}

func changedSections(a, b []store.Component) map[string]bool {
	sa, sb := sectionSet(a), sectionSet(b)
	out := map[string]bool{}
	for s, items := range sa {
		if len(items) != len(sb[s]) {
			out[s] = true
			continue
		}
		for k, h := range items {
			if sb[s][k] != h {
				out[s] = true
			}
		}
	}
	for s := range sb {
		if _, ok := sa[s]; !ok {
			out[s] = true
		}
	}
	return out
}
