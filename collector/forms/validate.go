package forms

import (
	"fmt"
	"regexp"
	"unicode/utf8"
)

// Limits of a definition, so that a form stays a form.
const (
	maxNameRunes   = 100
	maxLabelRunes  = 300
	maxQuestions   = 200
	maxSections    = 50
	maxChoices     = 100
	maxChoiceRunes = 100
	maxRegexBytes  = 300
)

// DefError is one problem of a definition, for the builder: Field names
// the place (a question key and its field, or a form field) and Code the
// reason, translated by the web UI ("forms.def_" + Code).
type DefError struct {
	Field string
	Code  string
	Arg   string // detail, such as the regex compiler's message
}

func (e DefError) Error() string {
	if e.Arg != "" {
		return fmt.Sprintf("%s: %s (%s)", e.Field, e.Code, e.Arg)
	}
	return e.Field + ": " + e.Code
}

// Codes of DefError.
const (
	CodeRequired   = "required"    // a name or label missing in both languages
	CodeTooLong    = "too_long"    // text over its limit
	CodeTooMany    = "too_many"    // too many sections, questions or choices
	CodeBadKey     = "bad_key"     // a question key not [a-z][a-z0-9_]*
	CodeDupKey     = "dup_key"     // two questions, or two choices, with one key
	CodeBadType    = "bad_type"    // unknown question type, ticket type, icon, colour or role
	CodeBadRegex   = "bad_regex"   // regex that does not compile, or on a non-text type
	CodeNoChoices  = "no_choices"  // choice question without choices
	CodeBadShowIf  = "bad_show_if" // condition on an unknown or later question, or bad operator
	CodeBadLevel   = "bad_level"   // urgency not 1..5
	CodeBadTitle   = "bad_title"   // title template malformed or naming an unknown question
	CodeBadApprove = "bad_approval"
)

// Validate checks a definition before it is saved and returns every
// problem found (none means valid).
func Validate(f *Form) []DefError {
	var errs []DefError
	add := func(field, code, arg string) { errs = append(errs, DefError{field, code, arg}) }
	checkText(add, "name", f.Name, maxNameRunes, true)
	checkText(add, "description", f.Description, 2000, false)
	if _, ok := Icons[f.Icon]; f.Icon != "" && !ok {
		add("icon", CodeBadType, f.Icon)
	}
	if f.Color != "" && !contains(Colors, f.Color) {
		add("color", CodeBadType, f.Color)
	}
	for _, r := range f.Roles {
		if !contains(knownRoles, r) {
			add("roles", CodeBadType, r)
		}
	}
	if len(f.Sections) > maxSections {
		add("sections", CodeTooMany, fmt.Sprint(maxSections))
	}
	seen := map[string]*Question{}
	for i := range f.Sections {
		checkText(add, fmt.Sprintf("section %d", i+1), f.Sections[i].Title, maxLabelRunes, false)
		for j := range f.Sections[i].Questions {
			q := &f.Sections[i].Questions[j]
			validateQuestion(add, q, seen)
			if ValidKey(q.Key) && seen[q.Key] == nil {
				seen[q.Key] = q
			}
		}
	}
	if len(f.Questions()) > maxQuestions {
		add("questions", CodeTooMany, fmt.Sprint(maxQuestions))
	}
	validateTarget(add, &f.Target, seen)
	// Within every other limit a definition can still outgrow what Parse
	// reads back (many long choices): refuse it here, not once stored.
	if data, err := f.Marshal(); err != nil || len(data) > maxDefinitionBytes {
		add("form", CodeTooLong, "1 MiB")
	}
	return errs
}

// knownRoles mirrors store.Roles; forms stays free of the store.
var knownRoles = []string{"self-service", "observer", "technician", "supervisor", "admin"}

func validateQuestion(add func(field, code, arg string), q *Question, earlier map[string]*Question) {
	switch {
	case !ValidKey(q.Key):
		add("question "+q.Key, CodeBadKey, "")
		return
	case earlier[q.Key] != nil:
		add("question "+q.Key, CodeDupKey, "")
		return
	}
	name := q.Key
	if !q.Type.Valid() {
		add(name+": type", CodeBadType, string(q.Type))
	}
	checkText(add, name+": label", q.Label, maxLabelRunes, true)
	checkText(add, name+": help", q.Help, maxLabelRunes, false)
	if q.Regex != "" {
		if !q.Type.textual() {
			add(name+": regex", CodeBadRegex, string(q.Type))
		} else if len(q.Regex) > maxRegexBytes {
			add(name+": regex", CodeTooLong, fmt.Sprint(maxRegexBytes))
		} else if _, err := regexp.Compile(q.Regex); err != nil {
			add(name+": regex", CodeBadRegex, err.Error())
		}
	}
	if q.Type.HasChoices() && len(q.Choices) == 0 {
		add(name+": choices", CodeNoChoices, "")
	}
	if len(q.Choices) > maxChoices {
		add(name+": choices", CodeTooMany, fmt.Sprint(maxChoices))
	}
	values := map[string]bool{}
	for _, c := range q.Choices {
		if c.Value == "" || utf8.RuneCountInString(c.Value) > maxChoiceRunes {
			add(name+": choices", CodeRequired, c.Value)
		} else if values[c.Value] {
			add(name+": choices", CodeDupKey, c.Value)
		}
		values[c.Value] = true
		checkText(add, name+": choices", c.Label, maxChoiceRunes, false)
	}
	if c := q.ShowIf; c != nil {
		switch {
		case earlier[c.Question] == nil:
			add(name+": show if", CodeBadShowIf, c.Question)
		case !contains(Operators, c.Op):
			add(name+": show if", CodeBadShowIf, c.Op)
		case utf8.RuneCountInString(c.Value) > maxChoiceRunes:
			add(name+": show if", CodeTooLong, fmt.Sprint(maxChoiceRunes))
		}
	}
}

func validateTarget(add func(field, code, arg string), t *Target, qs map[string]*Question) {
	if t.Type != 1 && t.Type != 2 {
		add("target: type", CodeBadType, fmt.Sprint(t.Type))
	}
	if t.Urgency < 1 || t.Urgency > 5 {
		add("target: urgency", CodeBadLevel, fmt.Sprint(t.Urgency))
	}
	if t.Title == "" {
		add("target: title", CodeRequired, "")
	} else if tpl, err := ParseTemplate(t.Title); err != nil {
		add("target: title", CodeBadTitle, err.Error())
	} else {
		for _, k := range tpl.Keys() {
			if qs[k] == nil {
				add("target: title", CodeBadTitle, k)
			}
		}
	}
	a := t.Approval
	switch {
	case a.MinPercent != 0 && a.MinPercent != 50 && a.MinPercent != 100:
		add("target: approval", CodeBadApprove, fmt.Sprint(a.MinPercent))
	case a.Kind == ApprovalNone:
	case a.Kind == ApprovalUser && a.UserID <= 0, a.Kind == ApprovalGroup && a.GroupID <= 0:
		add("target: approval", CodeBadApprove, a.Kind)
	case a.Kind == ApprovalQuestion && (qs[a.Question] == nil || qs[a.Question].Type != TypeUser):
		add("target: approval", CodeBadApprove, a.Question)
	case a.Kind != ApprovalUser && a.Kind != ApprovalGroup && a.Kind != ApprovalQuestion:
		add("target: approval", CodeBadApprove, a.Kind)
	}
}

func checkText(add func(field, code, arg string), field string, t Text, max int, required bool) {
	if required && t.FR == "" && t.EN == "" {
		add(field, CodeRequired, "")
	}
	if utf8.RuneCountInString(t.FR) > max || utf8.RuneCountInString(t.EN) > max {
		add(field, CodeTooLong, fmt.Sprint(max))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
