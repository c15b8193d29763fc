package snmp

import "testing"

// During an inventory a walk of a subtree already walked costs no
// request and gives the rows a fresh walk gives.
func TestWalkCacheAnswersSubtrees(t *testing.T) {
	t.Parallel()
	ctx := ctxT(t)
	fresh := dialWalk(t, "snmpsim-data/cisco-c3560")
	want, err := fresh.Walk(ctx, oidIfTable+".2")
	if err != nil || len(want) == 0 {
		t.Fatalf("ifDescr: %d rows, %v", len(want), err)
	}
	s := dialWalk(t, "snmpsim-data/cisco-c3560")
	defer s.cacheWalks()()
	if _, err := s.Walk(ctx, oidIfTable); err != nil {
		t.Fatal(err)
	}
	before := s.Requests()
	got, err := s.Walk(ctx, oidIfTable+".2")
	if err != nil {
		t.Fatal(err)
	}
	if s.Requests() != before {
		t.Errorf("walk of a kept subtree sent %d requests, want 0", s.Requests()-before)
	}
	if len(got) != len(want) {
		t.Errorf("kept ifDescr has %d rows, a fresh walk %d", len(got), len(want))
	}
	for k, v := range want {
		if pduString(got[k]) != pduString(v) {
			t.Errorf("ifDescr.%s = %q from memory, %q fresh", k, pduString(got[k]), pduString(v))
		}
	}
}

// A column's first GETBULK asks for one row more than its sibling had,
// so the whole column comes in one request; without an inventory the
// session keeps nothing and asks max-repetitions at a time.
func TestWalkSizedFromSibling(t *testing.T) {
	t.Parallel()
	ctx := ctxT(t)
	s := dialWalk(t, "snmpsim-data/cisco-c3560") // 57 ports: three requests of 25
	descr, err := s.Walk(ctx, oidIfTable+".2")
	if err != nil || len(descr) <= int(s.opts.MaxRepetitions) {
		t.Fatalf("ifDescr: %d rows, %v; the walk needs more than max-repetitions rows", len(descr), err)
	}
	before := s.Requests()
	if _, err := s.Walk(ctx, oidIfTable+".3"); err != nil {
		t.Fatal(err)
	}
	if n := s.Requests() - before; n < 2 {
		t.Fatalf("outside an inventory ifType took %d requests, want max-repetitions at a time", n)
	}
	forget := s.cacheWalks()
	if _, err := s.Walk(ctx, oidIfTable+".2"); err != nil {
		t.Fatal(err)
	}
	before = s.Requests()
	typ, err := s.Walk(ctx, oidIfTable+".3")
	if err != nil || len(typ) != len(descr) {
		t.Fatalf("ifType: %d rows, %v; want %d", len(typ), err, len(descr))
	}
	if n := s.Requests() - before; n != 1 {
		t.Errorf("ifType after ifDescr took %d requests, want 1", n)
	}
	// The cache is gone with the inventory.
	forget()
	if _, ok := s.cachedWalk(oidIfTable + ".3"); ok {
		t.Error("walk answered from memory outside an inventory")
	}
}
