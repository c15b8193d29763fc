package snmp

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Table is a walked subtree: each variable keyed by the OID suffix that
// follows the walked root ("1", "10101", "0.12.34.56.78.90.1"...).
type Table map[string]gosnmp.SnmpPDU

// Suffixes returns the table's suffixes in OID order.
func (t Table) Suffixes() []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareOID)
	return keys
}

// String returns the text of one row, or "".
func (t Table) String(suffix string) string { return pduString(t[suffix]) }

// Int returns the integer of one row.
func (t Table) Int(suffix string) (int64, bool) {
	p, ok := t[suffix]
	if !ok {
		return 0, false
	}
	return pduInt(p)
}

// errBulkBroken says a GETBULK answer could not be used; the walk goes on
// with GETNEXT.
var errBulkBroken = errors.New("getbulk answer unusable")

// Walk reads every variable below root. It uses GETBULK (v2c, v3); when a
// bulk answer is lost or too big it halves max-repetitions for the rest of
// the session, and it switches to GETNEXT for the rest of the session when
// the device answers a GETBULK with an error, nothing even for one row, or
// OIDs that do not increase. A walk
// stops with ErrWalkLoop when GETNEXT does not progress either, and with
// ErrTableTooLarge after Options.MaxRows rows; both return the rows read
// so far.
func (s *Session) Walk(ctx context.Context, root string) (Table, error) {
	root = normOID(root)
	if t, ok := s.cachedWalk(root); ok {
		return t, nil
	}
	t := Table{}
	start, sent, got := time.Now(), s.sent, s.got
	err := s.walk(ctx, root, t)
	s.log.Debug("walk", "root", root, "rows", len(t), "requests", s.sent-sent, "variables", s.got-got,
		"took", time.Since(start))
	if err == nil {
		s.keepWalk(root, t)
	}
	return t, err
}

// walk walks root into t with GETBULK, or GETNEXT once bulk is broken.
func (s *Session) walk(ctx context.Context, root string, t Table) error {
	cur := root
	if !s.noBulk {
		next, err := s.walkFrom(ctx, root, cur, t, true, s.firstReps(root))
		if !errors.Is(err, errBulkBroken) {
			return err
		}
		s.log.Debug("getbulk mishandled, using getnext", "root", root, "error", err)
		s.noBulk = true
		cur = next
	}
	_, err := s.walkFrom(ctx, root, cur, t, false, 0)
	return err
}

// fewerRepetitions halves the session's GETBULK max-repetitions; false
// once it is down to one row, where GETBULK is no better than GETNEXT.
func (s *Session) fewerRepetitions() bool {
	if s.opts.MaxRepetitions <= 1 {
		return false
	}
	s.opts.MaxRepetitions /= 2
	s.log.Debug("getbulk answer lost or too big, fewer repetitions", "max_repetitions", s.opts.MaxRepetitions)
	return true
}

// walkFrom walks from cur until it leaves root, adding rows to t. It
// returns the last OID it stored so a broken bulk walk can go on with
// GETNEXT from there. Bulk requests ask for first rows in all when it is
// not 0 (see firstReps), the next ones for the session's max-repetitions.
func (s *Session) walkFrom(ctx context.Context, root, cur string, t Table, bulk bool, first uint32) (string, error) {
	for {
		reps := s.opts.MaxRepetitions
		if first > 0 {
			reps = min(first, 4*s.opts.MaxRepetitions)
		}
		pkt, err := s.request(ctx, func() (*gosnmp.SnmpPacket, error) {
			if bulk {
				return s.g.GetBulk([]string{cur}, 0, reps)
			}
			return s.g.GetNext([]string{cur})
		})
		if err != nil {
			if bulk && errors.Is(err, ErrNoResponse) && (len(t) > 0 || s.answered) {
				// It answered before, so it may drop large bulk answers,
				// or it was busy: ask for fewer rows at a time first.
				// Giving up bulk at once would turn one lost answer into
				// one request per row for the rest of the session.
				if s.fewerRepetitions() {
					continue
				}
				return cur, fmt.Errorf("%w: %v", errBulkBroken, err)
			}
			return cur, err
		}
		if bulk && pkt.Error == gosnmp.TooBig && s.fewerRepetitions() {
			continue // the answer would not fit the agent's message size
		}
		if pkt.Error != gosnmp.NoError {
			if bulk {
				return cur, fmt.Errorf("%w: error status %v", errBulkBroken, pkt.Error)
			}
			return cur, nil // v1 noSuchName: end of the MIB view
		}
		if len(pkt.Variables) == 0 {
			if bulk {
				return cur, fmt.Errorf("%w: no variables", errBulkBroken)
			}
			return cur, nil
		}
		// An agent may answer fewer rows than asked (its message size):
		// ask next for the rest of what was planned, then as usual.
		first -= min(first, uint32(len(pkt.Variables)))
		for _, v := range pkt.Variables {
			name := normOID(v.Name)
			if v.Type == gosnmp.EndOfMibView || !underOID(name, root) {
				return cur, nil
			}
			if compareOID(name, cur) <= 0 {
				if bulk {
					return cur, fmt.Errorf("%w: %s after %s", errBulkBroken, name, cur)
				}
				return cur, fmt.Errorf("snmp %s walk %s: %w (%s after %s)", s.host, root, ErrWalkLoop, name, cur)
			}
			cur = name
			if v.Type == gosnmp.NoSuchObject || v.Type == gosnmp.NoSuchInstance {
				continue
			}
			t[suffixOf(name, root)] = v
			if len(t) >= s.opts.MaxRows {
				return cur, fmt.Errorf("snmp %s walk %s: %w (%d rows)", s.host, root, ErrTableTooLarge, s.opts.MaxRows)
			}
		}
	}
}
