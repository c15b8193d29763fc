package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/sla"
	"github.com/parcproject/parc/collector/store"
)

// recurrentFormError is a refused recurrent-ticket form: the i18n key of
// the message and its arguments.
type recurrentFormError struct {
	Key  string
	Args []any
}

// maxAheadDays bounds how early a recurrent ticket may open.
const maxAheadDays = 366

// parseRecurrentForm reads the recurrent-ticket form: the template (name,
// title, content, type, urgency, category, requester and assigned group,
// asset IDs comma separated) and the schedule (period daily, weekly,
// monthly or days with every; begin as a local date and time; optional
// end date, included; days ahead; active). References are checked by
// the store (a missing category is a foreign key error).
func parseRecurrentForm(f url.Values, loc *time.Location) (*store.RecurrentTicket, *recurrentFormError) {
	r := &store.RecurrentTicket{Name: strings.TrimSpace(f.Get("name")), Title: strings.TrimSpace(f.Get("title")),
		Content: strings.TrimSpace(f.Get("content")), Impact: defaultImpact, Active: f.Get("active") == "1",
		Period: sla.Period(f.Get("period"))}
	switch {
	case r.Name == "" || utf8.RuneCountInString(r.Name) > maxNameRunes:
		return nil, &recurrentFormError{"sla.err_name", []any{maxNameRunes}}
	case r.Title == "" || utf8.RuneCountInString(r.Title) > maxTitleRunes:
		return nil, &recurrentFormError{"ticket.error_title", []any{maxTitleRunes}}
	case len(r.Content) > maxTextBytes:
		return nil, &recurrentFormError{"ticket.error_content", nil}
	}
	var err error
	if r.Type, err = strconv.Atoi(f.Get("type")); err != nil || !helpdesk.Type(r.Type).Valid() {
		return nil, &recurrentFormError{"recurrent.err_type", nil}
	}
	if r.Urgency, err = strconv.Atoi(f.Get("urgency")); err != nil || !helpdesk.ValidLevel(r.Urgency) {
		return nil, &recurrentFormError{"recurrent.err_urgency", nil}
	}
	for field, dst := range map[string]*int64{"category": &r.CategoryID, "requester_group": &r.RequesterGroupID,
		"assign_group": &r.AssignGroupID} {
		if v := f.Get(field); v != "" {
			if *dst, err = strconv.ParseInt(v, 10, 64); err != nil || *dst < 0 {
				return nil, &recurrentFormError{"error.bad_form", nil}
			}
		}
	}
	for _, v := range strings.FieldsFunc(f.Get("assets"), func(c rune) bool { return c == ',' || c == ' ' }) {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return nil, &recurrentFormError{"recurrent.err_assets", []any{v}}
		}
		r.AssetIDs = append(r.AssetIDs, id)
	}
	if r.Period == sla.Days {
		if r.EveryDays, err = strconv.Atoi(f.Get("every")); err != nil {
			return nil, &recurrentFormError{"recurrent.err_every", nil}
		}
	}
	if r.Begin, err = time.ParseInLocation("2006-01-02T15:04", f.Get("begin"), loc); err != nil {
		return nil, &recurrentFormError{"recurrent.err_begin", nil}
	}
	if v := f.Get("end"); v != "" {
		end, err := time.ParseInLocation("2006-01-02", v, loc)
		if err != nil {
			return nil, &recurrentFormError{"recurrent.err_end", nil}
		}
		r.End = end.AddDate(0, 0, 1).Add(-time.Minute) // the end date is included
	}
	if v := f.Get("ahead"); v != "" {
		if r.AheadDays, err = strconv.Atoi(v); err != nil || r.AheadDays < 0 || r.AheadDays > maxAheadDays {
			return nil, &recurrentFormError{"recurrent.err_ahead", []any{maxAheadDays}}
		}
	}
	if err := (sla.Recurrence{Begin: r.Begin, End: r.End, Period: r.Period, Every: r.EveryDays}).Check(); err != nil {
		switch {
		case strings.HasPrefix(err.Error(), "period"):
			return nil, &recurrentFormError{"recurrent.err_period", nil}
		case strings.HasPrefix(err.Error(), "every"):
			return nil, &recurrentFormError{"recurrent.err_every", nil}
		default:
			return nil, &recurrentFormError{"recurrent.err_end", nil}
		}
	}
	return r, nil
}

// sameSchedule reports whether a and b open tickets at the same times
// (the every-N-days count matters only for that period).
func sameSchedule(a, b *store.RecurrentTicket) bool {
	return a.Period == b.Period && (a.Period != sla.Days || a.EveryDays == b.EveryDays) && a.Begin.Equal(b.Begin) &&
		a.End.Equal(b.End) && a.AheadDays == b.AheadDays
}

// firstOccurrence is the first occurrence of r at or after now: a new or
// rescheduled recurrent ticket starts from there, never in the past.
func firstOccurrence(r *store.RecurrentTicket, now time.Time) time.Time {
	at, ok := r.Recurrence().After(now.Add(-time.Millisecond))
	if !ok {
		return time.Time{}
	}
	return at
}
