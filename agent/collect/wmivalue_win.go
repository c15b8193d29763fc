package collect

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file holds the conversions every Windows collector needs: a WMI row
// or a registry key is a map[string]any whose values come either from the
// live sources (string, int64, uint64, bool, float64, []string, []int64) or
// from JSON fixtures (float64 numbers, []any arrays). The helpers accept
// both, so the mapping code reads the same on Windows and in tests.

// wrow is one WMI object or one registry key's values.
type wrow = map[string]any

// wStr returns a property as a trimmed string; numbers are formatted in
// decimal, anything else (nil, arrays) gives "".
func wStr(r wrow, key string) string {
	switch v := r[key].(type) {
	case string:
		return strings.TrimSpace(strings.TrimRight(v, "\x00"))
	case int64, uint64, int32, uint32, int:
		return fmt.Sprint(v)
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return strconv.FormatInt(int64(v), 10)
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// wNum returns a property as an int64. WMI gives uint64 properties (sizes)
// as decimal strings and uint32 as signed 32-bit integers, so strings are
// parsed; ok is false when the property is absent, null or not a number.
func wNum(r wrow, key string) (n int64, ok bool) {
	return wToInt(r[key])
}

func wToInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case uint64:
		if x > math.MaxInt64 {
			return math.MaxInt64, true
		}
		return int64(x), true
	case int32:
		return int64(x), true
	case uint32:
		return int64(x), true
	case int:
		return int64(x), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1<<62 {
			return 0, false
		}
		return int64(x), true
	case string:
		s := strings.TrimSpace(x)
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, true
		}
		if u, err := strconv.ParseUint(s, 10, 64); err == nil {
			return int64(min(u, math.MaxInt64)), true
		}
	}
	return 0, false
}

// wNum0 is wNum with 0 for a missing value.
func wNum0(r wrow, key string) int64 {
	n, _ := wNum(r, key)
	return n
}

// wBool returns a boolean property; WMI gives bool, the registry a DWORD.
func wBool(r wrow, key string) bool {
	switch v := r[key].(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true") || v == "1"
	}
	n, ok := wNum(r, key)
	return ok && n != 0
}

// wStrs returns an array property as strings.
func wStrs(r wrow, key string) []string {
	switch v := r[key].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			out = append(out, wStr(wrow{"v": e}, "v"))
		}
		return out
	case string:
		if v != "" {
			return []string{v}
		}
	}
	return nil
}

// wNums returns an array property as integers, skipping elements that are
// not numbers.
func wNums(r wrow, key string) []int64 {
	var in []any
	switch v := r[key].(type) {
	case []int64:
		return v
	case []any:
		in = v
	case []string:
		for _, s := range v {
			in = append(in, s)
		}
	default:
		if n, ok := wToInt(v); ok {
			return []int64{n}
		}
		return nil
	}
	out := make([]int64, 0, len(in))
	for _, e := range in {
		if n, ok := wToInt(e); ok {
			out = append(out, n)
		}
	}
	return out
}

// cimTime parses a CIM_DATETIME such as "20231105083012.500000+060": local
// time of the machine followed by its offset from UTC in minutes. Fields
// WMI does not know are filled with '*' ("20230912******.******+***"); the
// date part must be there, a missing time or offset counts as zero.
func cimTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 {
		return time.Time{}, false
	}
	field := func(from, to int) (int, bool) {
		if to > len(s) {
			return 0, true
		}
		part := s[from:to]
		if strings.Trim(part, "*") == "" {
			return 0, true
		}
		if strings.Trim(part, "0123456789") != "" {
			return 0, false // Atoi would take "-1" or "+1"
		}
		n, err := strconv.Atoi(part)
		return n, err == nil
	}
	var v [6]int
	bounds := [6][2]int{{0, 4}, {4, 6}, {6, 8}, {8, 10}, {10, 12}, {12, 14}}
	for i, b := range bounds {
		n, ok := field(b[0], b[1])
		if !ok || (i < 3 && n == 0) {
			return time.Time{}, false
		}
		v[i] = n
	}
	if v[1] > 12 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 59 {
		return time.Time{}, false
	}
	offset := 0
	if len(s) >= 25 && (s[21] == '+' || s[21] == '-') {
		if m, err := strconv.Atoi(s[22:25]); err == nil {
			offset = m * 60
			if s[21] == '-' {
				offset = -offset
			}
		}
	}
	t := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, time.FixedZone("", offset))
	if t.Day() != v[2] { // February 30th and the like
		return time.Time{}, false
	}
	return t, true
}

// cimDate formats a CIM_DATETIME as "YYYY-MM-DD", or "" if it is not one.
func cimDate(s string) string {
	t, ok := cimTime(s)
	if !ok {
		return ""
	}
	return t.Format(time.DateOnly)
}

// cimDateTime formats a CIM_DATETIME as "YYYY-MM-DD hh:mm:ss" in the
// machine's local time it was given in.
func cimDateTime(s string) string {
	t, ok := cimTime(s)
	if !ok {
		return ""
	}
	return t.Format(time.DateTime)
}

// winFileTime converts a Windows FILETIME (100 ns ticks since 1601-01-01 UTC)
// to a time; ok is false for 0 or absurd values.
func winFileTime(ticks uint64) (time.Time, bool) {
	const epochDiff = 116444736000000000 // 1601 -> 1970 in 100 ns ticks
	const y2100 = epochDiff + 4102444800*10000000
	if ticks <= epochDiff || ticks > y2100 {
		return time.Time{}, false
	}
	return time.Unix(0, 0).Add(time.Duration(ticks-epochDiff) * 100), true
}

// winMiB converts a byte count to MiB, rounding down.
func winMiB(bytes int64) int64 { return bytes / (1 << 20) }

// winJunk says whether a vendor string is a placeholder that identifies
// nothing ("To be filled by O.E.M.", "Default string", "None"...).
func winJunk(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "default string", "to be filled by o.e.m.", "to be filled by oem",
		"system serial number", "system product name", "system manufacturer",
		"not specified", "not applicable", "n/a", "0", "00000000", "0000000000000000",
		"no asset tag", "asset tag", "no asset information", "chassis serial number",
		"base board serial number", "123456789", "o.e.m.":
		return true
	}
	return false
}

// winClean returns s, or "" when it is a placeholder.
func winClean(s string) string {
	s = strings.TrimSpace(s)
	if winJunk(s) {
		return ""
	}
	return s
}
