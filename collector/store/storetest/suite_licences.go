package storetest

import (
	"fmt"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// RunLicences runs the conformance suite of store.LicenceQueries; open
// must return a fresh, migrated store.
func RunLicences(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, st store.Store, l store.LicenceQueries)
	}{
		{"CRUD", testLicenceCRUD},
		{"Usage", testLicenceUsage},
		{"InTx", testLicenceInTx},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			l, err := store.Licences(st)
			must(t, err)
			tc.fn(t, st, l)
		})
	}
}

// installSoftware gives n new computers the software name (two builds on
// the first one) and returns the software ID.
func installSoftware(t *testing.T, st store.Store, name string, n int) int64 {
	t.Helper()
	k32 := store.SoftwareKey{Name: name, Publisher: "ACME", Version: "1.0"}
	k64 := store.SoftwareKey{Name: name, Publisher: "ACME", Version: "2.0"}
	ids, err := st.EnsureSoftwareVersions(ctx, []store.SoftwareKey{k32, k64})
	must(t, err)
	for i := range n {
		a := &store.Asset{Type: store.TypeComputer, Name: fmt.Sprintf("%s-pc-%d", name, i)}
		must(t, st.CreateAsset(ctx, a))
		ins := []store.Installation{{VersionID: ids[k64], Arch: "x86_64"}}
		if i == 0 {
			ins = append(ins, store.Installation{VersionID: ids[k32], Arch: "i686"})
		}
		must(t, st.AddInstallations(ctx, a.ID, ins))
	}
	page, err := st.ListSoftware(ctx, store.SoftwareFilter{Query: name})
	must(t, err)
	if page.Total != 1 {
		t.Fatalf("got %d software named %s; want 1", page.Total, name)
	}
	return page.Software[0].ID
}

func testLicenceCRUD(t *testing.T, st store.Store, lq store.LicenceQueries) {
	sw := installSoftware(t, st, "Office", 1)
	l := &store.Licence{SoftwareID: sw, Name: "Office 2021 — order 42", Seats: 10, ExpiresOn: "2027-01-31", Comment: "via UGAP"}
	must(t, lq.CreateLicence(ctx, l))
	got, err := lq.GetLicence(ctx, l.ID)
	must(t, err)
	if got.Name != l.Name || got.Seats != 10 || got.ExpiresOn != "2027-01-31" || got.Comment != "via UGAP" || got.CreatedAt.IsZero() {
		t.Errorf("got %+v; want %+v", got, l)
	}
	l.Seats, l.ExpiresOn = 12, ""
	must(t, lq.UpdateLicence(ctx, l))
	got, err = lq.GetLicence(ctx, l.ID)
	must(t, err)
	if got.Seats != 12 || got.ExpiresOn != "" {
		t.Errorf("after update: got %+v; want 12 seats, perpetual", got)
	}
	wantErr(t, lq.CreateLicence(ctx, &store.Licence{SoftwareID: 99999, Name: "x", Seats: 1}), store.ErrNotFound)
	if err := lq.CreateLicence(ctx, &store.Licence{SoftwareID: sw, Name: "neg", Seats: -1}); err == nil {
		t.Error("negative seats: got no error; want the CHECK constraint to refuse it")
	}
	must(t, lq.DeleteLicence(ctx, l.ID))
	_, err = lq.GetLicence(ctx, l.ID)
	wantErr(t, err, store.ErrNotFound)
	wantErr(t, lq.DeleteLicence(ctx, l.ID), store.ErrNotFound)
	wantErr(t, lq.UpdateLicence(ctx, l), store.ErrNotFound)
}

func testLicenceUsage(t *testing.T, st store.Store, lq store.LicenceQueries) {
	office := installSoftware(t, st, "Office", 3) // 3 assets, 4 installations
	acrobat := installSoftware(t, st, "Acrobat", 2)
	for _, l := range []*store.Licence{
		{SoftwareID: office, Name: "office-a", Seats: 2},
		{SoftwareID: office, Name: "office-old", Seats: 5, ExpiresOn: "2024-12-31"},
		{SoftwareID: acrobat, Name: "acrobat", Seats: 2, ExpiresOn: "2025-06-30"},
	} {
		must(t, lq.CreateLicence(ctx, l))
	}
	tests := []struct {
		today string
		sw    int64
		want  string // name:used/softwareSeats:over, in order
	}{
		{"2024-06-01", 0, "acrobat:2/2:false office-a:3/7:false office-old:3/7:false"},
		{"2024-12-31", 0, "acrobat:2/2:false office-a:3/7:false office-old:3/7:false"}, // valid through its last day
		{"2025-01-01", 0, "acrobat:2/2:false office-a:3/2:true office-old:3/2:true"},
		{"2025-07-01", 0, "acrobat:2/0:true office-a:3/2:true office-old:3/2:true"},
		{"2025-07-01", acrobat, "acrobat:2/0:true"},
	}
	for _, tt := range tests {
		us, err := lq.LicenceUsages(ctx, tt.sw, tt.today)
		must(t, err)
		var got string
		for i, u := range us {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%s:%d/%d:%v", u.Name, u.Used, u.SoftwareSeats, u.Over)
			if u.SoftwareName == "" || u.Seats == 0 {
				t.Errorf("%s: got %+v; want the software name and own seats", tt.today, u)
			}
		}
		if got != tt.want {
			t.Errorf("on %s, software %d: got %q; want %q", tt.today, tt.sw, got, tt.want)
		}
	}
}

func testLicenceInTx(t *testing.T, st store.Store, _ store.LicenceQueries) {
	sw := installSoftware(t, st, "Visio", 1)
	err := st.WithTx(ctx, func(q store.Queries) error {
		lq, err := store.Licences(q)
		if err != nil {
			return err
		}
		if err := lq.CreateLicence(ctx, &store.Licence{SoftwareID: sw, Name: "visio", Seats: 1}); err != nil {
			return err
		}
		return fmt.Errorf("roll back")
	})
	if err == nil {
		t.Fatal("got no error; want the rollback's")
	}
	lq, _ := store.Licences(st)
	us, err := lq.LicenceUsages(ctx, 0, "2025-01-01")
	must(t, err)
	if len(us) != 0 {
		t.Errorf("got %+v after rollback; want none", us)
	}
}
