package storetest

import (
	"testing"
	"time"

	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// RunSLA runs the conformance suite of store.SLAQueries and of the
// deadlines CreateTicket and UpdateTicket keep; open must return a
// fresh, migrated store.
func RunSLA(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Calendars", func(t *testing.T) { testSLACalendars(t, open(t)) })
	t.Run("TicketDeadlines", func(t *testing.T) { testSLADeadlines(t, open(t)) })
	t.Run("Warnings", func(t *testing.T) { testSLAWarnings(t, open(t)) })
}

// parisTime is a Europe/Paris local time "2006-01-02 15:04".
func parisTime(t *testing.T, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Paris")
	must(t, err)
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	must(t, err)
	return v
}

// townHall saves the town hall's calendar: Monday to Friday 08:30-12:00
// and 13:30-17:30, Europe/Paris, Christmas and November 11th.
func townHall(t *testing.T, sq store.SLAQueries) *store.SLACalendar {
	t.Helper()
	segs, err := sla.ParseSegments("mon-fri 08:30-12:00 13:30-17:30")
	must(t, err)
	hols, err := sla.ParseHolidays("2026-12-25 Noël\n11-11 Armistice")
	must(t, err)
	c := &store.SLACalendar{Name: "Mairie", TimeZone: "Europe/Paris", Segments: segs, Holidays: hols}
	must(t, sq.SaveSLACalendar(ctx, c))
	return c
}

func slaQueries(t *testing.T, st store.Store) (store.SLAQueries, store.TicketQueries) {
	t.Helper()
	sq, err := store.SLAs(st)
	must(t, err)
	tq, err := store.Tickets(st)
	must(t, err)
	return sq, tq
}

func testSLACalendars(t *testing.T, st store.Store) {
	sq, _ := slaQueries(t, st)
	c := townHall(t, sq)
	got, err := sq.GetSLACalendar(ctx, c.ID)
	must(t, err)
	if got.Name != "Mairie" || got.TimeZone != "Europe/Paris" ||
		sla.FormatSegments(got.Segments) != sla.FormatSegments(c.Segments) ||
		sla.FormatHolidays(got.Holidays) != "2026-12-25 Noël\n11-11 Armistice" {
		t.Errorf("got %+v; want %+v", got, c)
	}
	wantErr(t, sq.SaveSLACalendar(ctx, &store.SLACalendar{Name: "Mairie"}), store.ErrConflict)
	if err := sq.SaveSLACalendar(ctx, &store.SLACalendar{Name: "Mars", TimeZone: "Mars/Olympus"}); err == nil {
		t.Errorf("saving a calendar in zone Mars/Olympus: got no error; want one")
	}
	c.Segments, c.Holidays, c.Name = c.Segments[:2], nil, "Mairie (été)"
	must(t, sq.SaveSLACalendar(ctx, c))
	got, err = sq.GetSLACalendar(ctx, c.ID)
	must(t, err)
	if got.Name != "Mairie (été)" || len(got.Segments) != 2 || len(got.Holidays) != 0 {
		t.Errorf("after the update got %+v; want 2 segments and no holiday", got)
	}
	r := &sla.Rule{Name: "Résolution", Kind: sla.TTR, Duration: time.Hour, CalendarID: c.ID}
	must(t, sq.SaveSLARule(ctx, r))
	wantErr(t, sq.DeleteSLACalendar(ctx, c.ID), store.ErrConflict)
	r.Duration, r.WarnBefore, r.Priority = 2*time.Hour, 30*time.Minute, 5
	must(t, sq.SaveSLARule(ctx, r))
	rules, err := sq.ListSLARules(ctx)
	must(t, err)
	if len(rules) != 1 || rules[0] != *r {
		t.Errorf("got rules %+v; want [%+v]", rules, *r)
	}
	if err := sq.SaveSLARule(ctx, &sla.Rule{Name: "x", Kind: "soon", Duration: time.Hour}); err == nil {
		t.Errorf("saving a rule of kind soon: got no error; want one")
	}
	must(t, sq.DeleteSLARule(ctx, r.ID))
	wantErr(t, sq.DeleteSLARule(ctx, r.ID), store.ErrNotFound)
	must(t, sq.DeleteSLACalendar(ctx, c.ID))
	cals, err := sq.ListSLACalendars(ctx)
	must(t, err)
	if len(cals) != 0 {
		t.Errorf("got %d calendars after deleting the only one; want 0", len(cals))
	}
}

func checkTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %s; want %s", what, got.In(want.Location()).Format(time.DateTime), want.Format(time.DateTime))
	}
}

func testSLADeadlines(t *testing.T, st store.Store) {
	sq, tq := slaQueries(t, st)
	cal := townHall(t, sq)
	printers := &store.Category{Name: "Printers"}
	must(t, tq.CreateCategory(ctx, printers))
	for _, r := range []*sla.Rule{
		{Name: "Prise en charge", Kind: sla.TTO, Duration: 2 * time.Hour, CalendarID: cal.ID},
		{Name: "Imprimantes", Kind: sla.TTR, Duration: 15 * time.Hour, CalendarID: cal.ID, CategoryID: printers.ID},
		{Name: "Défaut", Kind: sla.TTR, Duration: 40 * time.Hour, CalendarID: cal.ID},
	} {
		must(t, sq.SaveSLARule(ctx, r))
	}

	// Opened on Friday at 16:00: 1h30 left that day.
	tk := &store.Ticket{Title: "Bourrage", Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3,
		CategoryID: printers.ID, OpenedAt: parisTime(t, "2026-11-27 16:00")}
	must(t, tq.CreateTicket(ctx, tk))
	s, err := sq.TicketSLA(ctx, tk.ID)
	must(t, err)
	checkTime(t, "TTO", s.TTODue, parisTime(t, "2026-11-30 09:00"))
	checkTime(t, "TTR", s.TTRDue, parisTime(t, "2026-12-01 16:00"))
	got, err := tq.GetTicket(ctx, tk.ID)
	must(t, err)
	checkTime(t, "due date", got.DueAt, s.TTRDue)

	// Pending from Monday 10:00 to 15:00: 3h30 of business time.
	got.Status, got.UpdatedAt = 4, parisTime(t, "2026-11-30 10:00")
	must(t, tq.UpdateTicket(ctx, got))
	s, err = sq.TicketSLA(ctx, tk.ID)
	must(t, err)
	checkTime(t, "pending since", s.PendingSince, parisTime(t, "2026-11-30 10:00"))
	got.Status, got.UpdatedAt = 2, parisTime(t, "2026-11-30 15:00")
	must(t, tq.UpdateTicket(ctx, got))
	s, err = sq.TicketSLA(ctx, tk.ID)
	must(t, err)
	if !s.PendingSince.IsZero() || s.Paused != 210*time.Minute {
		t.Errorf("after resuming got pending since %s, paused %s; want none, 3h30m0s", s.PendingSince, s.Paused)
	}
	checkTime(t, "TTO after the pause", s.TTODue, parisTime(t, "2026-11-30 14:00"))
	checkTime(t, "TTR after the pause", s.TTRDue, parisTime(t, "2026-12-02 10:30"))
	got, err = tq.GetTicket(ctx, tk.ID)
	must(t, err)
	checkTime(t, "due date after the pause", got.DueAt, s.TTRDue)

	// Out of the printers: the default rule, 40h plus the 3h30 paused.
	got.CategoryID, got.UpdatedAt = 0, parisTime(t, "2026-11-30 16:00")
	must(t, tq.UpdateTicket(ctx, got))
	s, err = sq.TicketSLA(ctx, tk.ID)
	must(t, err)
	checkTime(t, "TTR of the default rule", s.TTRDue, parisTime(t, "2026-12-07 14:30"))
	checkTime(t, "TTO recomputed", s.TTODue, parisTime(t, "2026-11-30 14:00"))
	got, err = tq.GetTicket(ctx, tk.ID)
	must(t, err)
	checkTime(t, "due date of the default rule", got.DueAt, s.TTRDue)

	// A date set by hand is kept when the deadline moves.
	manual := parisTime(t, "2026-12-24 12:00")
	got.DueAt, got.UpdatedAt = manual, parisTime(t, "2026-11-30 16:10")
	must(t, tq.UpdateTicket(ctx, got))
	got.Priority, got.UpdatedAt = 5, parisTime(t, "2026-11-30 16:20")
	must(t, tq.UpdateTicket(ctx, got))
	got, err = tq.GetTicket(ctx, tk.ID)
	must(t, err)
	checkTime(t, "hand-set due date", got.DueAt, manual)

	// Late to own until someone takes it.
	n, err := sq.CountTTOLate(ctx, parisTime(t, "2026-11-30 14:01"))
	must(t, err)
	if n != 1 {
		t.Errorf("got %d tickets late to own; want 1", n)
	}
	got.TakenAt, got.UpdatedAt = parisTime(t, "2026-11-30 16:30"), parisTime(t, "2026-11-30 16:30")
	must(t, tq.UpdateTicket(ctx, got))
	if n, err = sq.CountTTOLate(ctx, parisTime(t, "2026-11-30 17:00")); err != nil || n != 0 {
		t.Errorf("got %d tickets late to own once taken (%v); want 0", n, err)
	}

	// Deadlines are whole minutes, so the edit form's round trip of the
	// due date (to the minute) still follows the SLA.
	odd := &store.Ticket{Title: "Toner", Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3,
		CategoryID: printers.ID, OpenedAt: parisTime(t, "2026-11-30 10:00").Add(30 * time.Second)}
	must(t, tq.CreateTicket(ctx, odd))
	checkTime(t, "rounded due date", odd.DueAt, parisTime(t, "2026-12-02 10:01"))
	odd.DueAt = odd.DueAt.Truncate(time.Minute)
	odd.CategoryID, odd.UpdatedAt = 0, parisTime(t, "2026-11-30 11:00")
	must(t, tq.UpdateTicket(ctx, odd))
	checkTime(t, "due date after the form's round trip", odd.DueAt, parisTime(t, "2026-12-07 14:01"))

	// No rule, no SLA; the batch read finds only the ticket with one.
	must(t, sq.DeleteSLARule(ctx, 1))
	must(t, sq.DeleteSLARule(ctx, 3))
	plain := &store.Ticket{Title: "Question", Type: 2, Status: 1, Urgency: 3, Impact: 3, Priority: 3, OpenedAt: t0}
	must(t, tq.CreateTicket(ctx, plain))
	_, err = sq.TicketSLA(ctx, plain.ID)
	wantErr(t, err, store.ErrNotFound)
	if !plain.DueAt.IsZero() {
		t.Errorf("got due date %s without a rule; want none", plain.DueAt)
	}
	all, err := sq.TicketSLAs(ctx, []int64{tk.ID, plain.ID})
	must(t, err)
	if _, ok := all[tk.ID]; len(all) != 1 || !ok {
		t.Errorf("got SLAs of %v; want only ticket %d", all, tk.ID)
	}
}

func testSLAWarnings(t *testing.T, st store.Store) {
	sq, tq := slaQueries(t, st)
	tw := t0.Truncate(time.Minute) // deadlines are whole minutes
	must(t, sq.SaveSLARule(ctx, &sla.Rule{Name: "TTO", Kind: sla.TTO, Duration: time.Hour, WarnBefore: 15 * time.Minute}))
	must(t, sq.SaveSLARule(ctx, &sla.Rule{Name: "TTR", Kind: sla.TTR, Duration: 4 * time.Hour, WarnBefore: time.Hour}))
	tk := &store.Ticket{Title: "Écran noir", Type: 1, Status: 1, Urgency: 3, Impact: 3, Priority: 3, OpenedAt: tw}
	must(t, tq.CreateTicket(ctx, tk))
	if w, err := sq.DueSLAWarnings(ctx, tw.Add(44*time.Minute), 10); err != nil || len(w) != 0 {
		t.Errorf("before the warning time got %v, %v; want none", w, err)
	}
	w, err := sq.DueSLAWarnings(ctx, tw.Add(3*time.Hour), 10)
	must(t, err)
	if len(w) != 2 || w[0].Kind != sla.TTO || w[1].Kind != sla.TTR || !w[1].Due.Equal(tw.Add(4*time.Hour)) {
		t.Fatalf("got warnings %+v; want TTO then TTR (due %s)", w, tw.Add(4*time.Hour))
	}
	ok, err := sq.MarkSLAWarned(ctx, tk.ID, sla.TTO, tw.Add(3*time.Hour))
	must(t, err)
	again, err := sq.MarkSLAWarned(ctx, tk.ID, sla.TTO, tw.Add(3*time.Hour))
	must(t, err)
	if !ok || again {
		t.Errorf("marking twice reported %v then %v; want true then false", ok, again)
	}
	tk.TakenAt, tk.Status, tk.UpdatedAt = tw.Add(time.Hour), 2, tw.Add(time.Hour)
	must(t, tq.UpdateTicket(ctx, tk))
	w, err = sq.DueSLAWarnings(ctx, tw.Add(3*time.Hour), 10)
	must(t, err)
	if len(w) != 1 || w[0].Kind != sla.TTR {
		t.Errorf("after the TTO warning got %+v; want only TTR", w)
	}
	tk.Status, tk.SolvedAt, tk.UpdatedAt = 5, tw.Add(2*time.Hour), tw.Add(2*time.Hour)
	must(t, tq.UpdateTicket(ctx, tk))
	if w, err = sq.DueSLAWarnings(ctx, tw.Add(3*time.Hour), 10); err != nil || len(w) != 0 {
		t.Errorf("for a solved ticket got %v, %v; want none", w, err)
	}
}
