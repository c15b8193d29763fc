package snmp

import (
	"context"
	"strings"
)

// An inventory reads some subtrees more than once: identification walks
// ifPhysAddress, ifSpeed and the IP address table that the port read
// walks again, and the entity serials that the component read needs too.
// Every walk costs the device (and the network) one request per
// max-repetitions rows, so for the length of an inventory a session keeps
// what it walked and answers a walk again, or a walk of a subtree of it,
// from memory. Outside an inventory nothing is kept: a long-lived session
// must see a device's tables change.

// cacheWalks starts keeping the session's walks and returns the function
// that stops it and forgets them.
// probeReps is the max-repetitions of a first GETBULK without a hint.
const probeReps = 5

func (s *Session) cacheWalks() (forget func()) {
	s.walks, s.columnRows = map[string]Table{}, map[string]int{}
	return func() { s.walks, s.columnRows = nil, nil }
}

// sizeHint returns the rows to ask for in a walk's first GETBULK: one more
// than a sibling column of the same table had (a column of the table
// entry root's parent), so that the whole column and the row that proves
// its end come in one answer instead of max-repetitions at a time with up
// to max-repetitions rows of the next column read for nothing. 0 when no
// sibling was walked.
func (s *Session) sizeHint(root string) uint32 {
	entry, _, ok := cutLastArc(root)
	if !ok || s.columnRows == nil {
		return 0
	}
	if n, ok := s.columnRows[entry]; ok {
		return uint32(n + 1)
	}
	return 0
}

// firstReps is the max-repetitions of a walk's first GETBULK during an
// inventory: sizeHint's when a sibling column tells the size, else a few
// rows only. Many of the tables an inventory asks for are absent from a
// given device (another vendor's, another type's), and the answer to a
// walk of an absent table is max-repetitions rows of whatever follows it,
// read and sent for nothing; a table that is there gets the session's
// max-repetitions from its second request on.
func (s *Session) firstReps(root string) uint32 {
	if n := s.sizeHint(root); n > 0 || s.columnRows == nil {
		return n
	}
	return min(s.opts.MaxRepetitions, probeReps)
}

// cutLastArc splits ".1.3.6.1" into ".1.3.6" and "1".
func cutLastArc(oid string) (string, string, bool) {
	i := strings.LastIndexByte(oid, '.')
	if i <= 0 {
		return "", "", false
	}
	return oid[:i], oid[i+1:], true
}

// cachedWalk answers a walk of root from a complete walk of root or of an
// ancestor of it, kept since cacheWalks.
func (s *Session) cachedWalk(root string) (Table, bool) {
	if s.walks == nil {
		return nil, false
	}
	if t, ok := s.walks[root]; ok {
		return copyTable(t), true
	}
	for kept, t := range s.walks {
		if !underOID(root, kept) {
			continue
		}
		// root is kept + "." + prefix: keep the rows below it.
		prefix := strings.TrimPrefix(root, kept+".") + "."
		out := Table{}
		for suffix, v := range t {
			if rest, ok := strings.CutPrefix(suffix, prefix); ok {
				out[rest] = v
			}
		}
		return out, true
	}
	return nil, false
}

// keepWalk stores a complete walk; partial ones (an error stopped them)
// are not kept.
func (s *Session) keepWalk(root string, t Table) {
	if s.walks != nil {
		s.walks[root] = copyTable(t)
	}
	if entry, _, ok := cutLastArc(root); ok && s.columnRows != nil {
		// A column has one variable per row, whatever its index.
		s.columnRows[entry] = len(t)
	}
}

func copyTable(t Table) Table {
	out := make(Table, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// readColumns walks each column below entry ("entry.N") and returns them
// as one table keyed "N.index", as a walk of the whole entry would: a
// reader that needs a few columns of a wide table does not pay for the
// others.
func readColumns(ctx context.Context, r Reader, entry string, cols ...string) (Table, error) {
	out := Table{}
	for _, c := range cols {
		t, err := walkColumn(ctx, r, entry+"."+c)
		if err != nil {
			return out, err
		}
		for suffix, v := range t {
			out[c+"."+suffix] = v
		}
	}
	return out, nil
}
