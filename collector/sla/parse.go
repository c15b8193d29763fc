package sla

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// dayNames are the weekday names the calendar text accepts, English and
// French, by their first three letters.
var dayNames = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
	"dim": time.Sunday, "lun": time.Monday, "mar": time.Tuesday, "mer": time.Wednesday,
	"jeu": time.Thursday, "ven": time.Friday, "sam": time.Saturday,
}

var dayShort = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// ParseSegments reads opening hours, one line per day or range of days:
//
//	mon-fri 08:30-12:00 13:30-17:30
//	sat 09:00-12:00
//
// Days are mon..sun (or lun..dim), ranges a-b run forward (fri-mon
// wraps), lists are comma separated; times are HH:MM, 24:00 allowed as
// an end. Empty lines and lines starting with # are ignored. The error
// names the line and what is wrong.
func ParseSegments(text string) ([]Segment, error) {
	var out []Segment
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(strings.ReplaceAll(line, ",", " , "))
		var days []time.Weekday
		i := 0
		for ; i < len(fields); i++ {
			f := strings.ToLower(fields[i])
			if f == "," {
				continue
			}
			d, err := parseDays(f)
			if err != nil {
				break
			}
			days = append(days, d...)
		}
		if len(days) == 0 {
			return nil, fmt.Errorf("line %d: %q does not start with a day (mon..sun)", n+1, line)
		}
		if i == len(fields) {
			return nil, fmt.Errorf("line %d: no hours after the days (e.g. 08:30-12:00)", n+1)
		}
		for ; i < len(fields); i++ {
			if fields[i] == "," {
				continue
			}
			from, to, err := parseRange(fields[i])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			for _, d := range days {
				out = append(out, Segment{Weekday: d, Start: from, End: to})
			}
		}
	}
	sortSegments(out)
	return out, nil
}

func sortSegments(s []Segment) {
	sort.SliceStable(s, func(i, j int) bool {
		wi, wj := (s[i].Weekday+6)%7, (s[j].Weekday+6)%7 // Monday first
		if wi != wj {
			return wi < wj
		}
		return s[i].Start < s[j].Start
	})
}

func parseDays(f string) ([]time.Weekday, error) {
	a, b, isRange := strings.Cut(f, "-")
	first, ok := dayNames[a]
	if !ok {
		return nil, fmt.Errorf("%q is not a day", a)
	}
	if !isRange {
		return []time.Weekday{first}, nil
	}
	last, ok := dayNames[b]
	if !ok {
		return nil, fmt.Errorf("%q is not a day", b)
	}
	var out []time.Weekday
	for d := first; ; d = (d + 1) % 7 {
		out = append(out, d)
		if d == last {
			return out, nil
		}
	}
}

func parseRange(f string) (int, int, error) {
	a, b, ok := strings.Cut(f, "-")
	if !ok {
		return 0, 0, fmt.Errorf("%q is not a time range HH:MM-HH:MM", f)
	}
	from, err := parseClock(a)
	if err != nil {
		return 0, 0, err
	}
	to, err := parseClock(b)
	if err != nil {
		return 0, 0, err
	}
	if to <= from {
		return 0, 0, fmt.Errorf("%q ends before it starts", f)
	}
	return from, to, nil
}

func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || len(h) < 1 || len(h) > 2 ||
		hh < 0 || hh > 24 || mm < 0 || mm > 59 || (hh == 24 && mm != 0) {
		return 0, fmt.Errorf("%q is not a time HH:MM (00:00 to 24:00)", s)
	}
	return hh*60 + mm, nil
}

// FormatSegments writes segments in ParseSegments' syntax, one line per
// weekday.
func FormatSegments(segs []Segment) string {
	s := append([]Segment(nil), segs...)
	sortSegments(s)
	var b strings.Builder
	for i, g := range s {
		if i == 0 || s[i-1].Weekday != g.Weekday {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(dayShort[g.Weekday])
		}
		fmt.Fprintf(&b, " %02d:%02d-%02d:%02d", g.Start/60, g.Start%60, g.End/60, g.End%60)
	}
	return b.String()
}

// ParseHolidays reads holidays, one per line: a day or an inclusive
// range of days, then an optional name.
//
//	2026-11-11 Armistice
//	2026-12-24..2027-01-02 Winter closing
//	05-01 Labour day            (no year: every year)
//	12-24..01-01                (yearly, across the new year)
func ParseHolidays(text string) ([]Holiday, error) {
	var out []Holiday
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		when, name, _ := strings.Cut(line, " ")
		a, b, isRange := strings.Cut(when, "..")
		if !isRange {
			b = a
		}
		from, yf, err := parseDate(a)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		to, yt, err := parseDate(b)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		if yf != yt {
			return nil, fmt.Errorf("line %d: both ends need a year, or neither (yearly)", n+1)
		}
		if yf && to.before(from, false) {
			return nil, fmt.Errorf("line %d: %q ends before it starts", n+1, when)
		}
		out = append(out, Holiday{From: from, To: to, Yearly: !yf, Name: strings.TrimSpace(name)})
	}
	return out, nil
}

// parseDate reads YYYY-MM-DD (hasYear) or MM-DD.
func parseDate(s string) (d Date, hasYear bool, err error) {
	layout, hasYear := "2006-01-02", true
	if len(s) == 5 {
		layout, hasYear, s = "2006-01-02", false, "2000-"+s // 2000 is a leap year: 02-29 is allowed
	}
	t, perr := time.Parse(layout, s)
	if perr != nil {
		return Date{}, false, fmt.Errorf("%q is not a date YYYY-MM-DD or MM-DD", strings.TrimPrefix(s, "2000-"))
	}
	d = DateOf(t)
	if !hasYear {
		d.Year = 0
	}
	return d, hasYear, nil
}

// FormatHolidays writes holidays in ParseHolidays' syntax.
func FormatHolidays(hs []Holiday) string {
	var b strings.Builder
	for i, h := range hs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(formatDate(h.From, h.Yearly))
		if h.To != h.From {
			b.WriteString("..")
			b.WriteString(formatDate(h.To, h.Yearly))
		}
		if h.Name != "" {
			b.WriteString(" " + h.Name)
		}
	}
	return b.String()
}

func formatDate(d Date, yearly bool) string {
	if yearly {
		return fmt.Sprintf("%02d-%02d", int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}
