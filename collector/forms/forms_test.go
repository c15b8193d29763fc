package forms

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strings"
	"testing"
)

// seeds returns the two seeded forms (testdata/seed.json mirrors the
// definitions that migration 0015 inserts; storetest checks those).
func seeds(t testing.TB) (hardware, arrival *Form) {
	data, err := os.ReadFile("testdata/seed.json")
	if err != nil {
		t.Fatal(err)
	}
	var s struct{ Hardware, Arrival Form }
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return &s.Hardware, &s.Arrival
}

func TestSeedsValid(t *testing.T) {
	hw, na := seeds(t)
	for _, f := range []*Form{hw, na} {
		if errs := Validate(f); len(errs) != 0 {
			t.Errorf("%s: got %v; want no error", f.Name.EN, errs)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(f *Form)
		field  string
		code   string
	}{
		{"no name", func(f *Form) { f.Name = Text{} }, "name", CodeRequired},
		{"bad key", func(f *Form) { f.Sections[0].Questions[0].Key = "Last name" }, "question Last name", CodeBadKey},
		{"dup key", func(f *Form) { f.Sections[0].Questions[1].Key = "lastname" }, "question lastname", CodeDupKey},
		{"bad type", func(f *Form) { f.Sections[0].Questions[0].Type = "color" }, "lastname: type", CodeBadType},
		{"no label", func(f *Form) { f.Sections[0].Questions[0].Label = Text{} }, "lastname: label", CodeRequired},
		{"bad regex", func(f *Form) { f.Sections[0].Questions[0].Regex = "([a-z" }, "lastname: regex", CodeBadRegex},
		{"regex on a date", func(f *Form) { f.Sections[0].Questions[4].Regex = "^2026" }, "start_date: regex", CodeBadRegex},
		{"long regex", func(f *Form) { f.Sections[0].Questions[0].Regex = strings.Repeat("a", 301) }, "lastname: regex", CodeTooLong},
		{"no choices", func(f *Form) { f.Sections[0].Questions[2].Choices = nil }, "department: choices", CodeNoChoices},
		{"dup choice", func(f *Form) {
			f.Sections[0].Questions[2].Choices[1].Value = f.Sections[0].Questions[2].Choices[0].Value
		}, "department: choices", CodeDupKey},
		{"show if a later question", func(f *Form) {
			f.Sections[0].Questions[0].ShowIf = &Condition{Question: "firstname", Op: OpNotEmpty}
		}, "lastname: show if", CodeBadShowIf},
		{"show if itself", func(f *Form) {
			f.Sections[0].Questions[0].ShowIf = &Condition{Question: "lastname", Op: OpNotEmpty}
		}, "lastname: show if", CodeBadShowIf},
		{"bad operator", func(f *Form) { f.Sections[1].Questions[2].ShowIf.Op = "like" }, "business_software: show if", CodeBadShowIf},
		{"ticket type", func(f *Form) { f.Target.Type = 3 }, "target: type", CodeBadType},
		{"urgency", func(f *Form) { f.Target.Urgency = 6 }, "target: urgency", CodeBadLevel},
		{"no title", func(f *Form) { f.Target.Title = "" }, "target: title", CodeRequired},
		{"title unknown key", func(f *Form) { f.Target.Title = "{{q:surname}}" }, "target: title", CodeBadTitle},
		{"title bad placeholder", func(f *Form) { f.Target.Title = "{{.Env}}" }, "target: title", CodeBadTitle},
		{"approver not a user question", func(f *Form) { f.Target.Approval.Question = "lastname" }, "target: approval", CodeBadApprove},
		{"approval percent", func(f *Form) { f.Target.Approval.MinPercent = 101 }, "target: approval", CodeBadApprove},
		{"approval group 0", func(f *Form) { f.Target.Approval = Approval{Kind: ApprovalGroup} }, "target: approval", CodeBadApprove},
		{"approval kind", func(f *Form) { f.Target.Approval = Approval{Kind: "boss"} }, "target: approval", CodeBadApprove},
		{"icon", func(f *Form) { f.Icon = "<script>" }, "icon", CodeBadType},
		{"role", func(f *Form) { f.Roles = []string{"root"} }, "roles", CodeBadType},
		{"definition too large", func(f *Form) {
			for i := 0; i < 120; i++ {
				q := Question{Key: fmt.Sprintf("q%d", i), Type: TypeDropdown, Label: Text{EN: "Q"}}
				for j := 0; j < 100; j++ {
					q.Choices = append(q.Choices, Choice{Value: fmt.Sprintf("%d-%s", j, strings.Repeat("v", 90)), Label: Text{FR: strings.Repeat("é", 50)}})
				}
				f.Sections[1].Questions = append(f.Sections[1].Questions, q)
			}
		}, "form", CodeTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, f := seeds(t)
			tc.change(f)
			errs := Validate(f)
			// The first error is the cause; others may follow from it (a
			// renamed key is also missing from the title).
			if len(errs) == 0 || errs[0].Field != tc.field || errs[0].Code != tc.code {
				t.Errorf("got %v; want first error %s: %s", errs, tc.field, tc.code)
			}
		})
	}
}

// arrivalOpts are the dynamic questions' options of the tests.
var arrivalOpts = Options{"manager": {"7": "Paul Boss"}, "location": {"3": "Town hall"}}

func TestValidateAnswers(t *testing.T) {
	base := url.Values{"q_lastname": {"Martin"}, "q_firstname": {" Léa "}, "q_department": {"finance"},
		"q_start_date": {"2026-12-01"}, "q_manager": {"7"}}
	tests := []struct {
		name   string
		change url.Values // replaces fields of base; an empty list removes one
		errs   []AnswerError
		kept   []string // keys kept, when no error
	}{
		{"valid", nil, nil, []string{"department", "firstname", "lastname", "manager", "start_date"}},
		{"missing mandatory", url.Values{"q_lastname": {"  "}}, []AnswerError{{Key: "lastname", Code: ErrRequired}}, nil},
		{"bad date", url.Values{"q_start_date": {"01/12/2026"}}, []AnswerError{{Key: "start_date", Code: ErrDate}}, nil},
		{"not a choice", url.Values{"q_department": {"army"}}, []AnswerError{{Key: "department", Code: ErrChoice}}, nil},
		{"two values for one", url.Values{"q_department": {"hr", "finance"}}, []AnswerError{{Key: "department", Code: ErrOneValue}}, nil},
		{"unknown user", url.Values{"q_manager": {"8"}}, []AnswerError{{Key: "manager", Code: ErrChoice}}, nil},
		{"multiple choices", url.Values{"q_equipment": {"laptop", "badge"}}, nil,
			[]string{"department", "equipment", "firstname", "lastname", "manager", "start_date"}},
		{"duplicate choice", url.Values{"q_equipment": {"laptop", "laptop"}}, []AnswerError{{Key: "equipment", Code: ErrChoice, Arg: "laptop"}}, nil},
		{"hidden question dropped", url.Values{"q_business_software": {"Civil registry"}}, nil,
			[]string{"department", "firstname", "lastname", "manager", "start_date"}},
		{"shown question kept", url.Values{"q_accounts": {"mail", "business"}, "q_business_software": {"Civil registry"}}, nil,
			[]string{"accounts", "business_software", "department", "firstname", "lastname", "manager", "start_date"}},
		{"too long", url.Values{"q_lastname": {strings.Repeat("é", 256)}}, []AnswerError{{Key: "lastname", Code: ErrTooLong, Arg: "255"}}, nil},
		{"several errors in order", url.Values{"q_lastname": {}, "q_start_date": {"tomorrow"}},
			[]AnswerError{{Key: "lastname", Code: ErrRequired}, {Key: "start_date", Code: ErrDate}}, nil},
	}
	_, f := seeds(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := url.Values{}
			for k, x := range base {
				v[k] = x
			}
			for k, x := range tc.change {
				v[k] = x
			}
			kept, errs := ValidateAnswers(f, ParseAnswers(f, v), arrivalOpts)
			if !reflect.DeepEqual(errs, tc.errs) {
				t.Errorf("got errors %v; want %v", errs, tc.errs)
			}
			if tc.errs == nil {
				var keys []string
				for k := range kept {
					keys = append(keys, k)
				}
				sortStrings(keys)
				if !reflect.DeepEqual(keys, tc.kept) {
					t.Errorf("got kept %v; want %v", keys, tc.kept)
				}
			}
		})
	}
}

func TestTypedAnswers(t *testing.T) {
	tests := []struct {
		typ   Type
		regex string
		value string
		code  string
	}{
		{TypeNumber, "", "12", ""},
		{TypeNumber, "", "1,5", ""},
		{TypeNumber, "", "douze", ErrNumber},
		{TypeNumber, "", "Inf", ErrNumber},
		{TypeNumber, "^[1-9][0-9]?$", "100", ErrRegex},
		{TypeEmail, "", "lea.martin@mairie.fr", ""},
		{TypeEmail, "", "Léa <lea@mairie.fr>", ErrEmail},
		{TypeEmail, "", "lea@localhost", ErrEmail},
		{TypeEmail, "", "lea", ErrEmail},
		{TypeEmail, `@mairie\.fr$`, "lea@gmail.com", ErrRegex},
		{TypeDate, "", "2026-02-29", ErrDate},
		{TypeDate, "", "2028-02-29", ""},
		{TypeShortText, `^[A-Z]{2}-\d{4}$`, "AB-1234", ""},
		{TypeShortText, `^[A-Z]{2}-\d{4}$`, "AB-123", ErrRegex},
		{TypeLongText, "", strings.Repeat("x\n", 5000), ""},
		{TypeLongText, "", strings.Repeat("x", 10001), ErrTooLong},
		{TypeShortText, "", "\xff", ErrChoice},
	}
	for _, tc := range tests {
		t.Run(string(tc.typ)+" "+tc.value[:min(len(tc.value), 20)], func(t *testing.T) {
			f := &Form{Sections: []Section{{Questions: []Question{{Key: "a", Type: tc.typ, Regex: tc.regex}}}}}
			_, errs := ValidateAnswers(f, Answers{"a": {tc.value}}, nil)
			code := ""
			if len(errs) > 0 {
				code = errs[0].Code
			}
			if code != tc.code {
				t.Errorf("got %q; want %q", code, tc.code)
			}
		})
	}
}

func TestVisible(t *testing.T) {
	q := func(key string, c *Condition) Question {
		return Question{Key: key, Type: TypeShortText, Label: Text{EN: key}, ShowIf: c}
	}
	f := &Form{Sections: []Section{{Questions: []Question{
		q("a", nil),
		q("eq", &Condition{"a", OpEquals, "Yes"}),
		q("ne", &Condition{"a", OpNotEquals, "yes"}),
		q("has", &Condition{"a", OpContains, "ES"}),
		q("empty", &Condition{"a", OpEmpty, ""}),
		q("full", &Condition{"a", OpNotEmpty, ""}),
		q("chain", &Condition{"eq", OpNotEmpty, ""}), // hidden when eq is hidden
	}}}}
	tests := []struct {
		a    []string
		want string
	}{
		{nil, "a ne empty"},
		{[]string{"yes"}, "a eq has full"},
		{[]string{"no"}, "a ne full"},
		{[]string{"yesterday"}, "a ne has full"},
	}
	for _, tc := range tests {
		ans := Answers{"eq": {"x"}}
		if tc.a != nil {
			ans["a"] = tc.a
		}
		vis := Visible(f, ans)
		var got []string
		for _, q := range f.Questions() {
			if vis[q.Key] {
				got = append(got, q.Key)
			}
		}
		if g := strings.Join(got, " "); g != tc.want+map[bool]string{true: " chain"}[vis["chain"]] || vis["chain"] != vis["eq"] {
			t.Errorf("a=%v: got %q; want %q (chain follows eq)", tc.a, g, tc.want)
		}
	}
}

func TestTitleAndDescription(t *testing.T) {
	_, f := seeds(t)
	kept := Answers{"lastname": {"Martin"}, "firstname": {"Léa"}, "department": {"finance"}, "manager": {"7"},
		"equipment": {"laptop", "badge"}, "comments": {"Arrives at 9.\nDesk 12."}}
	if got, want := Title(f, kept, arrivalOpts, "Alice", "fr"), "Nouvel arrivant : Martin Léa"; got != want {
		t.Errorf("title: got %q; want %q", got, want)
	}
	got := Description(f, kept, arrivalOpts, "en")
	want := "New arrival\n\n== Identity ==\nLast name: Martin\nFirst name: Léa\nDepartment: Finance\n" +
		"Manager (approves the request): Paul Boss\n\n== Equipment and accounts ==\n" +
		"Equipment needed: Laptop, Access badge\nComments:\nArrives at 9.\nDesk 12."
	if got != want {
		t.Errorf("description: got\n%s\nwant\n%s", got, want)
	}
}

func TestTemplate(t *testing.T) {
	answers := map[string]string{"a": "Martin", "b": "line\nbreak", "long": strings.Repeat("é", 300)}
	tests := []struct {
		tpl, want, err string
	}{
		{"Hello {{q:a}}", "Hello Martin", ""},
		{"{{ q:a }} / {{requester}}", "Martin / Alice", ""},
		{"{{q:b}}  x", "line break x", ""},
		{"{{q:long}}", strings.Repeat("é", MaxTitleRunes), ""},
		{"{{q:a}", "", "not closed"},
		{"a }} b", "", "without"},
		{"{{.Name}}", "", "unknown placeholder"},
		{"{{q:A}}", "", "unknown placeholder"},
		{"{{printf \"%s\" 1}}", "", "unknown placeholder"},
		{"", "", ""},
	}
	for _, tc := range tests {
		tpl, err := ParseTemplate(tc.tpl)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: got error %v; want %q", tc.tpl, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: got error %v", tc.tpl, err)
			continue
		}
		if got := tpl.Render(func(k string) string { return answers[k] }, "Alice"); got != tc.want {
			t.Errorf("%q: got %q; want %q", tc.tpl, got, tc.want)
		}
	}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestParseChoices(t *testing.T) {
	tests := []struct {
		in   string
		want []Choice
		err  string
	}{
		{"laptop | Portable | Laptop\n\n  Écran\r\nSouris | Mouse", []Choice{
			{"laptop", Text{"Portable", "Laptop"}}, {"Écran", Text{"Écran", "Écran"}}, {"Mouse", Text{"Souris", "Mouse"}}}, ""},
		{"a | b | c | d", nil, "line 1 has 4 parts"},
		{"ok\n | Vide | Empty", nil, "line 2 has no value"},
		{"x || Only English", []Choice{{"x", Text{"Only English", "Only English"}}}, ""},
		{"", nil, ""},
	}
	for _, tc := range tests {
		got, err := ParseChoices(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: got error %v; want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}
