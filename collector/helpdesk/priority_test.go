package helpdesk

import (
	"testing"
)

func TestDefaultMatrix(t *testing.T) {
	// GLPI's default matrix, urgency -> impact 1..5 (DESIGN.md).
	want := map[int][5]int{
		1: {1, 1, 2, 2, 2}, 2: {1, 2, 2, 3, 3}, 3: {2, 2, 3, 4, 4}, 4: {2, 3, 4, 4, 5}, 5: {2, 3, 4, 5, 5},
	}
	for u := 1; u <= 5; u++ {
		for i := 1; i <= 5; i++ {
			got, err := DefaultMatrix.Priority(u, i)
			if err != nil || got != want[u][i-1] {
				t.Errorf("urgency %d impact %d: got %d, %v; want %d", u, i, got, err, want[u][i-1])
			}
		}
	}
}

func TestPriorityOutOfRange(t *testing.T) {
	for _, tc := range []struct{ u, i int }{{0, 3}, {3, 0}, {6, 1}, {1, 6}, {-1, -1}} {
		if p, err := DefaultMatrix.Priority(tc.u, tc.i); err == nil {
			t.Errorf("urgency %d impact %d: got priority %d; want an error", tc.u, tc.i, p)
		}
	}
}

func TestEditedMatrix(t *testing.T) {
	m := DefaultMatrix
	m[4][4] = 6 // an administrator makes "very high x very high" major
	got, err := ParseMatrix(m.String())
	if err != nil {
		t.Fatal(err)
	}
	if got != m {
		t.Errorf("got %v; want %v", got, m)
	}
	if p, _ := got.Priority(5, 5); p != 6 {
		t.Errorf("got priority %d; want 6 from the edited matrix", p)
	}
	if p, _ := DefaultMatrix.Priority(5, 5); p != 5 {
		t.Errorf("default matrix changed: got %d; want 5", p)
	}
}

func TestParseMatrix(t *testing.T) {
	tests := []struct {
		name, in string
		want     Matrix
		wantErr  bool
	}{
		{"empty is default", "", DefaultMatrix, false},
		{"default text", "1,1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", DefaultMatrix, false},
		{"spaces", " 1, 1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", DefaultMatrix, false},
		{"four rows", "1,1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5", Matrix{}, true},
		{"short row", "1,1,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", Matrix{}, true},
		{"zero", "0,1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", Matrix{}, true},
		{"seven", "7,1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", Matrix{}, true},
		{"word", "a,1,2,2,2/1,2,2,3,3/2,2,3,4,4/2,3,4,4,5/2,3,4,5,5", Matrix{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMatrix(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("got error %v; want error %v", err, tc.wantErr)
			}
			if !tc.wantErr && got != tc.want {
				t.Errorf("got %v; want %v", got, tc.want)
			}
		})
	}
}

func FuzzParseMatrix(f *testing.F) {
	f.Add(DefaultMatrix.String())
	f.Add("")
	f.Add("1,1,2,2,2/1,2,2,3,3")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMatrix(s)
		if err != nil {
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("ParseMatrix(%q) accepted an invalid matrix: %v", s, err)
		}
		again, err := ParseMatrix(m.String())
		if err != nil || again != m {
			t.Fatalf("round trip of %q: got %v, %v; want %v", s, again, err, m)
		}
	})
}

func TestStatusNames(t *testing.T) {
	for _, s := range Statuses {
		got, err := ParseStatus(s.String())
		if err != nil || got != s {
			t.Errorf("ParseStatus(%q): got %v, %v; want %v", s.String(), got, err, s)
		}
		byCode, err := ParseStatus(string(rune('0' + int(s))))
		if err != nil || byCode != s {
			t.Errorf("ParseStatus(%d): got %v, %v; want %v", int(s), byCode, err, s)
		}
	}
	if _, err := ParseStatus("7"); err == nil {
		t.Error("ParseStatus(7): got no error; want one")
	}
	codes := map[Status]int{StatusNew: 1, StatusAssigned: 2, StatusPlanned: 3, StatusPending: 4, StatusSolved: 5, StatusClosed: 6}
	for s, c := range codes {
		if int(s) != c {
			t.Errorf("%s: got code %d; want GLPI's %d", s, int(s), c)
		}
	}
	if int(TypeIncident) != 1 || int(TypeRequest) != 2 || int(ApprovalWaiting) != 2 || int(ApprovalAccepted) != 3 || int(ApprovalRefused) != 4 {
		t.Error("type or approval codes differ from GLPI's")
	}
}
