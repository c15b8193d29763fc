package web

import (
	"net/url"
	"testing"
	"time"
)

func TestParseRecurrentForm(t *testing.T) {
	base := func(kv ...string) url.Values {
		v := url.Values{"name": {"Sauvegardes"}, "title": {"Vérifier"}, "type": {"2"}, "urgency": {"3"},
			"period": {"weekly"}, "begin": {"2026-11-30T08:00"}, "active": {"1"}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	tests := []struct {
		name    string
		form    url.Values
		wantKey string
	}{
		{"valid", base(), ""},
		{"every 3 days", base("period", "days", "every", "3"), ""},
		{"every 0 days", base("period", "days", "every", "0"), "recurrent.err_every"},
		{"hourly", base("period", "hourly"), "recurrent.err_period"},
		{"no begin", base("begin", ""), "recurrent.err_begin"},
		{"end before begin", base("end", "2026-11-01"), "recurrent.err_end"},
		{"bad end", base("end", "30/11/2026"), "recurrent.err_end"},
		{"negative ahead", base("ahead", "-1"), "recurrent.err_ahead"},
		{"bad asset", base("assets", "12, PC-01"), "recurrent.err_assets"},
		{"bad type", base("type", "7"), "recurrent.err_type"},
		{"bad urgency", base("urgency", "9"), "recurrent.err_urgency"},
		{"no title", base("title", " "), "ticket.error_title"},
		{"bad category", base("category", "x"), "error.bad_form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ferr := parseRecurrentForm(tt.form, time.UTC)
			got := ""
			if ferr != nil {
				got = ferr.Key
			}
			if got != tt.wantKey {
				t.Fatalf("got error %q; want %q", got, tt.wantKey)
			}
			if ferr == nil && r.Recurrence().Check() != nil {
				t.Errorf("accepted a recurrence that does not check: %+v", r)
			}
		})
	}
	r, _ := parseRecurrentForm(base("end", "2026-12-31", "assets", "4, 5"), time.UTC)
	if !r.End.Equal(time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC)) || len(r.AssetIDs) != 2 {
		t.Errorf("got end %s, assets %v; want the end of Dec 31 and 2 assets", r.End, r.AssetIDs)
	}
}

// FuzzParseRecurrentForm checks that whatever the schedule fields hold,
// the parser never panics and what it accepts has a valid recurrence.
func FuzzParseRecurrentForm(f *testing.F) {
	f.Add("weekly", "1", "2026-11-30T08:00", "", "0", "1, 2")
	f.Fuzz(func(t *testing.T, period, every, begin, end, ahead, assets string) {
		v := url.Values{"name": {"n"}, "title": {"t"}, "type": {"1"}, "urgency": {"3"}, "period": {period},
			"every": {every}, "begin": {begin}, "end": {end}, "ahead": {ahead}, "assets": {assets}}
		r, ferr := parseRecurrentForm(v, time.UTC)
		if ferr == nil {
			if err := r.Recurrence().Check(); err != nil {
				t.Fatalf("accepted %v: %v", v, err)
			}
			if _, ok := r.Recurrence().After(r.Begin); !ok && r.End.IsZero() {
				t.Fatalf("accepted %v with no occurrence after the first", v)
			}
		}
	})
}
