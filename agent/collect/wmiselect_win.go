package collect

import "strings"

// wmiSelectList returns the property names of a WQL "SELECT a, b FROM c"
// query; ok is false for "SELECT *" or a query it cannot read, when the
// caller must enumerate the object's properties instead. Reading the named
// properties directly works with every SWbemObject implementation, where
// enumerating Properties_ does not (Wine leaves it unimplemented).
func wmiSelectList(query string) (names []string, ok bool) {
	q := strings.TrimSpace(query)
	if len(q) < 7 || !strings.EqualFold(q[:7], "SELECT ") {
		return nil, false
	}
	rest := q[7:]
	// Not strings.ToUpper: it may change byte lengths and so offsets.
	from := -1
	for i := 0; i+6 <= len(rest); i++ {
		if strings.EqualFold(rest[i:i+6], " FROM ") {
			from = i
			break
		}
	}
	if from < 0 {
		return nil, false
	}
	for _, f := range strings.Split(rest[:from], ",") {
		f = strings.TrimSpace(f)
		if f == "" || f == "*" || strings.ContainsAny(f, " \t()") {
			return nil, false
		}
		names = append(names, f)
	}
	return names, len(names) > 0
}
