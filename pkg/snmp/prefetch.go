package snmp

import (
	"context"
	"slices"

	"github.com/gosnmp/gosnmp"
)

// An inventory walks some sixty table columns of a switch. Walked one at
// a time, each costs at least one request, and the device (the simulator
// of the bench, a switch's CPU) pays per request as well as per variable:
// snmpsimd spends about 0.55 ms on a request, 0.07 ms on each variable
// that follows the previous one, and 0.2 ms on finding where a walk
// starts. So prefetch walks many columns in each GETBULK (one varbind per
// column, as net-snmp's table walks do), sizes max-repetitions from the
// rows the column is known to have (a sibling column read in full, or
// ifTable for per-port tables) so answers stop just past the column's end
// instead of reading the next column for nothing, and keeps whatever an
// answer holds for any column, not only the one asked for. The complete
// columns go into the session's walk cache (walkcache.go), where the
// readers find them. Requests go one at a time: four in flight per
// device made the simulators queue past the timeout, and the retries
// doubled their work.

// bulkBudget is the most variables a prefetch GETBULK asks for: snmpsimd
// answers at most 64 per GETBULK (and loops forever when asked for more
// repetitions than fit 64 variables with a varbind count that does not
// divide 64, so a request never asks for more), and 64 variables fit the
// message size of common agents.
const bulkBudget = 64

// column is one subtree being prefetched.
type column struct {
	root, cur string
	entry     string // the table entry above root, for row hints
	rows      Table
	// probe is set for a subtree walked only under a condition: the
	// prefetch asks for its first row only, and keeps it when absent or
	// when answers meant for other columns happened to read it in full.
	probe  bool
	done   bool // ended (left root, end of the MIB view)
	failed bool // abandoned: a reader walks it as usual
	steps  int  // variables read, for progress
}

// active tells whether c still needs requests.
func (c *column) active() bool { return !c.done && !c.failed }

// started tells whether a request for c has been answered.
func (c *column) started() bool { return c.cur != c.root }

// bulkBatch is one GETBULK: a varbind per column, reps repetitions.
type bulkBatch struct {
	cols []*column
	oids []string // the columns' positions when asked
	reps uint32
}

// prefetch walks roots and probes the presence of probes during an
// inventory, as described above. perPort lists the roots of tables
// indexed by interface or bridge port, which have at most as many rows
// as ifTable. Nothing it fails to read is kept: the readers then walk it
// as usual, with their GETNEXT fallback.
func (s *Session) prefetch(ctx context.Context, roots, probes, perPortRoots []string) {
	if s.walks == nil || s.noBulk || s.cred.Version == "1" {
		s.probeTables(ctx, probes...)
		return
	}
	var cols []*column
	seen := map[string]bool{}
	add := func(r string, probe bool) {
		r = normOID(r)
		if seen[r] {
			return
		}
		seen[r] = true
		if _, ok := s.cachedWalk(r); ok {
			return
		}
		entry, _, _ := cutLastArc(r)
		cols = append(cols, &column{root: r, cur: r, entry: entry, rows: Table{}, probe: probe})
	}
	for _, r := range roots {
		add(r, false)
	}
	for _, r := range probes {
		add(r, true)
	}
	perPort := map[string]bool{}
	for _, r := range perPortRoots {
		if e, _, ok := cutLastArc(normOID(r)); ok {
			perPort[e] = true
		}
	}
	budget := uint32(bulkBudget)
	for s.prefetchRound(ctx, cols, s.rowHint(cols, perPort), &budget) {
	}
	if ctx.Err() != nil {
		return
	}
	for _, c := range cols {
		switch {
		case !c.done || c.failed:
		case len(c.rows) == 0:
			s.keepAbsent(c.root)
		default:
			s.keepWalk(c.root, c.rows)
		}
	}
}

// progress sums what the columns have read and how many are over, so a
// round that changed nothing shows.
func progress(cols []*column) int {
	p := 0
	for _, c := range cols {
		p += c.steps
		if !c.active() {
			p++
		}
	}
	return p
}

// prefetchRound sends one round of GETBULKs and tells whether another is
// needed. It gives up, leaving the columns not read in full to the
// readers, at the first lost answer or error: a device that mishandles
// many varbinds in a GETBULK then costs one timeout, not one per request.
func (s *Session) prefetchRound(ctx context.Context, cols []*column, hint func(string) (int, bool), budget *uint32) bool {
	batches := planBatches(cols, hint, *budget)
	if len(batches) == 0 {
		return false
	}
	before := progress(cols)
	for _, b := range batches {
		sent, got := s.sent, s.got
		pkt, err := s.request(ctx, func() (*gosnmp.SnmpPacket, error) { return s.g.GetBulk(b.oids, 0, b.reps) })
		s.log.Debug("prefetch", "first", b.oids[0], "columns", len(b.oids), "max_repetitions", b.reps,
			"requests", s.sent-sent, "variables", s.got-got)
		switch {
		case err != nil:
		case pkt.Error == gosnmp.TooBig && *budget > 1:
			*budget /= 2 // the answer would not fit the agent's message size
			return true
		case pkt.Error == gosnmp.NoError && len(pkt.Variables) > 0:
			b.apply(pkt, cols, s.opts.MaxRows)
			continue
		}
		giveUp(cols)
		return false
	}
	for _, c := range cols {
		if c.probe && c.active() && c.started() {
			c.failed = true // there: its reader walks it if it needs it
		}
	}
	if progress(cols) == before {
		giveUp(cols) // answers that move no column on
		return false
	}
	return true
}

// giveUp leaves every column not read in full to its reader.
func giveUp(cols []*column) {
	for _, c := range cols {
		c.failed = c.failed || !c.done
	}
}

// rowHint returns the function planBatches asks how many rows a table
// entry has: a sibling column read in full (here or earlier in the
// inventory), else for a per-port table the interfaces', else unknown.
func (s *Session) rowHint(cols []*column, perPort map[string]bool) func(entry string) (int, bool) {
	known := map[string]int{}
	for e, n := range s.columnRows {
		known[e] = n
	}
	for _, c := range cols {
		if c.done && !c.failed && len(c.rows) > 0 {
			known[c.entry] = len(c.rows)
		}
	}
	return func(entry string) (int, bool) {
		if n, ok := known[entry]; ok {
			return n, true
		}
		if perPort[entry] {
			n, ok := known[oidIfTable]
			return n, ok
		}
		return 0, false
	}
}

// planBatches groups the active columns into the next round's GETBULKs.
// A column whose table's size is known needs the rows it has left plus
// the one that proves its end. Of a table's columns never asked for, only
// the first asks for one variable, which tells whether the table is there
// (and reads its only row): the answers for it run on into the next
// columns, or past them when the table is absent, and tell the others
// without a search of their own (apply). A column of unknown size waits
// while its table has a scout under way, or while it is a per-port table
// and the interfaces are not counted yet: with the requests sent one
// after the other, waiting for a better estimate costs nothing, while
// guessing costs the rows read past the column's end. When only such
// columns are left, one per table scouts, the scouts sharing the budget.
// Columns are packed largest need first, as many per request as fit the
// budget at the first one's repetitions.
func planBatches(cols []*column, hint func(string) (int, bool), budget uint32) []bulkBatch {
	type want struct {
		c    *column
		need uint32
	}
	first := map[string]*column{} // each table's first active column
	for _, c := range cols {
		if f := first[c.entry]; c.active() && (f == nil || cmpOID(c.root, f.root) < 0) {
			first[c.entry] = c
		}
	}
	var wants []want
	var waiting []*column
	for _, c := range cols {
		if !c.active() {
			continue
		}
		switch n, ok := hint(c.entry); {
		case !c.started() && ok && !c.probe:
			wants = append(wants, want{c, min(uint32(n)+1, budget)})
		case !c.started() && first[c.entry] == c:
			wants = append(wants, want{c, 1})
		case !c.started():
			// An earlier column of its table is under way.
		case ok && n >= len(c.rows):
			wants = append(wants, want{c, min(uint32(n-len(c.rows))+1, budget)})
		default:
			waiting = append(waiting, c)
		}
	}
	if len(wants) == 0 && len(waiting) > 0 {
		var scouts []*column
		seen := map[string]bool{}
		for _, c := range waiting {
			if !seen[c.entry] {
				seen[c.entry] = true
				scouts = append(scouts, c)
			}
		}
		reps := max(budget/uint32(len(scouts)), min(budget, 8))
		for _, c := range scouts {
			wants = append(wants, want{c, reps})
		}
	}
	slices.SortStableFunc(wants, func(a, b want) int { return int(b.need) - int(a.need) })
	var out []bulkBatch
	for len(wants) > 0 {
		reps := wants[0].need
		k := min(max(1, int(budget/reps)), len(wants))
		b := bulkBatch{reps: reps}
		for _, w := range wants[:k] {
			b.cols, b.oids = append(b.cols, w.c), append(b.oids, w.c.cur)
		}
		out = append(out, b)
		wants = wants[k:]
	}
	return out
}
