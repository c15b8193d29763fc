package snmp

import "testing"

// One GETNEXT tells which tables are absent: walking them afterwards
// costs nothing and gives no row, while a present table is walked as
// usual and gives the rows a fresh walk gives.
func TestProbeTablesSkipsAbsentTables(t *testing.T) {
	t.Parallel()
	ctx := ctxT(t)
	fresh := dialWalk(t, "snmpsim-data/cisco-c3560")
	want, err := fresh.Walk(ctx, oidIfTable+".2")
	if err != nil || len(want) == 0 {
		t.Fatalf("ifDescr: %d rows, %v", len(want), err)
	}
	s := dialWalk(t, "snmpsim-data/cisco-c3560")
	defer s.cacheWalks()()
	absentRoots := []string{oidSuppliesEntry, oidRicohCounterType, oidJnxExVlanPortAccess, oidF10StackUnitEntry}
	before := s.Requests()
	s.probeTables(ctx, append([]string{oidIfTable + ".2"}, absentRoots...)...)
	if n := s.Requests() - before; n != 1 {
		t.Errorf("probe of %d tables sent %d requests; want 1", len(absentRoots)+1, n)
	}
	before = s.Requests()
	for _, root := range absentRoots {
		got, err := s.Walk(ctx, root)
		if err != nil || len(got) != 0 {
			t.Errorf("walk of absent %s: %d rows, %v; want 0 rows, no error", root, len(got), err)
		}
	}
	if n := s.Requests() - before; n != 0 {
		t.Errorf("walks of absent tables sent %d requests; want 0", n)
	}
	got, err := s.Walk(ctx, oidIfTable+".2")
	if err != nil || len(got) != len(want) {
		t.Errorf("ifDescr after the probe: %d rows, %v; want %d", len(got), err, len(want))
	}
}

// Outside an inventory the probe does nothing: a long-lived session must
// see tables appear.
func TestProbeTablesOutsideInventory(t *testing.T) {
	t.Parallel()
	ctx := ctxT(t)
	s := dialWalk(t, "snmpsim-data/cisco-c3560")
	before := s.Requests()
	s.probeTables(ctx, oidSuppliesEntry)
	if n := s.Requests() - before; n != 0 {
		t.Errorf("probe outside an inventory sent %d requests; want 0", n)
	}
}
