package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// RunForms runs the conformance suite of store.FormQueries; open must
// return a fresh, migrated store.
func RunForms(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Seeded", func(t *testing.T) { testFormsSeeded(t, open(t)) })
	t.Run("CRUD", func(t *testing.T) { testFormsCRUD(t, open(t)) })
	t.Run("Answers", func(t *testing.T) { testFormAnswers(t, open(t)) })
}

// testFormsSeeded checks a new site has the two forms of the migration,
// and that their definitions are valid forms in this dialect too.
func testFormsSeeded(t *testing.T, st store.Store) {
	fq, err := store.Forms(st)
	must(t, err)
	got, err := fq.ListForms(ctx, true)
	must(t, err)
	want := []string{"Hardware request", "New arrival"}
	if len(got) != len(want) {
		t.Fatalf("got %d seeded forms; want %d", len(got), len(want))
	}
	for i, f := range got {
		if f.NameEN != want[i] || !f.Active {
			t.Errorf("form %d: got %q active=%v; want %q active", i, f.NameEN, f.Active, want[i])
		}
		def, err := forms.Parse([]byte(f.Definition))
		must(t, err)
		if errs := forms.Validate(def); len(errs) != 0 {
			t.Errorf("seeded form %q: got errors %v; want none", f.NameEN, errs)
		}
		if def.Name.EN != f.NameEN || def.Name.FR != f.NameFR {
			t.Errorf("seeded form %q: definition name %+v differs from its row", f.NameEN, def.Name)
		}
	}
	if got[1].NameFR != "Arrivée d'un nouvel agent" {
		t.Errorf("got French name %q; want %q", got[1].NameFR, "Arrivée d'un nouvel agent")
	}
}

func testFormsCRUD(t *testing.T, st store.Store) {
	fq, err := store.Forms(st)
	must(t, err)
	_, err = fq.GetForm(ctx, 9999)
	wantErr(t, err, store.ErrNotFound)
	wantErr(t, fq.UpdateForm(ctx, &store.Form{ID: 9999, Definition: "{}"}), store.ErrNotFound)
	wantErr(t, fq.DeleteForm(ctx, 9999), store.ErrNotFound)

	f := &store.Form{NameFR: "Badge", NameEN: "Badge", Active: true, Definition: `{"name":{"en":"Badge"}}`, CreatedAt: t0}
	must(t, fq.CreateForm(ctx, f))
	got, err := fq.GetForm(ctx, f.ID)
	must(t, err)
	if *got != *f {
		t.Errorf("got %+v; want %+v", *got, *f)
	}
	f.Active, f.NameEN, f.Definition, f.UpdatedAt = false, "Access badge", `{"name":{"en":"Access badge"}}`, t0.Add(time.Hour)
	must(t, fq.UpdateForm(ctx, f))
	got, err = fq.GetForm(ctx, f.ID)
	must(t, err)
	if *got != *f {
		t.Errorf("after update got %+v; want %+v", *got, *f)
	}
	tests := []struct {
		activeOnly bool
		want       int
	}{{true, 2}, {false, 3}}
	for _, tc := range tests {
		list, err := fq.ListForms(ctx, tc.activeOnly)
		must(t, err)
		if len(list) != tc.want {
			t.Errorf("ListForms(%v): got %d forms; want %d", tc.activeOnly, len(list), tc.want)
		}
		// By position: the seeded forms are 1 and 2, this one 0.
		if !tc.activeOnly && len(list) == 3 && list[0].ID != f.ID {
			t.Errorf("ListForms: got %q first; want the form of position 0", list[0].NameEN)
		}
	}
	must(t, fq.DeleteForm(ctx, f.ID))
	_, err = fq.GetForm(ctx, f.ID)
	wantErr(t, err, store.ErrNotFound)
}

func testFormAnswers(t *testing.T, st store.Store) {
	fq, err := store.Forms(st)
	must(t, err)
	tq, err := store.Tickets(st)
	must(t, err)
	u := newUser(t, st, "agent", store.RoleSelfService)
	tk := newTicket(t, tq, "Nouvel arrivant : Martin Léa", 1, u.ID)
	f := &store.Form{NameFR: "Arrivée", NameEN: "Arrival", Active: true, Definition: "{}", CreatedAt: t0}
	must(t, fq.CreateForm(ctx, f))
	_, err = fq.GetFormAnswer(ctx, tk.ID)
	wantErr(t, err, store.ErrNotFound)
	a := &store.FormAnswer{TicketID: tk.ID, FormID: f.ID, FormNameFR: "Arrivée", FormNameEN: "Arrival", UserID: u.ID,
		Answers: `{"lastname":["Martin"]}`, SubmittedAt: t0}
	must(t, fq.AddFormAnswer(ctx, a))
	wantErr(t, fq.AddFormAnswer(ctx, a), store.ErrConflict)
	got, err := fq.GetFormAnswer(ctx, tk.ID)
	must(t, err)
	if *got != *a {
		t.Errorf("got %+v; want %+v", *got, *a)
	}
	// Deleting the form keeps the ticket's answers and the form's name.
	must(t, fq.DeleteForm(ctx, f.ID))
	got, err = fq.GetFormAnswer(ctx, tk.ID)
	must(t, err)
	want := *a
	want.FormID = 0
	if *got != want {
		t.Errorf("after the form's deletion got %+v; want %+v", *got, want)
	}
}
