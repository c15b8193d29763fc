package forms

import (
	"math"
	"net/mail"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Answers are a submission's values by question key; a multiple answer
// (check boxes, devices, files) has several values.
type Answers map[string][]string

// First returns the first value of key, "" if none.
func (a Answers) First(key string) string {
	if v := a[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// FieldPrefix prefixes a question's key in the names of HTML form fields.
const FieldPrefix = "q_"

// Limits of answers.
const (
	maxShortRunes  = 255
	maxLongBytes   = 10000
	maxValues      = 100 // values of one multiple question
	maxNumberBytes = 40
)

// ParseAnswers reads a submission's fields (named FieldPrefix+key) for the
// questions of f, trimming spaces and dropping empty values; fields of
// unknown questions are ignored.
func ParseAnswers(f *Form, v url.Values) Answers {
	a := Answers{}
	for _, q := range f.Questions() {
		var vals []string
		for _, s := range v[FieldPrefix+q.Key] {
			if s = strings.TrimSpace(s); s != "" {
				vals = append(vals, s)
			}
		}
		if len(vals) > 0 {
			a[q.Key] = vals
		}
	}
	return a
}

// Options are the values a dynamic question (devices, location, user)
// accepts, by question key: value (an id) -> label shown.
type Options map[string]map[string]string

// AnswerError is one invalid answer: Code is translated by the web UI
// ("forms.err_" + Code) and shown next to the question Key.
type AnswerError struct {
	Key  string
	Code string
	Arg  string
}

// Codes of AnswerError.
const (
	ErrRequired = "required" // mandatory and empty
	ErrTooLong  = "too_long" // Arg is the limit
	ErrNumber   = "number"
	ErrEmail    = "email"
	ErrDate     = "date"
	ErrRegex    = "regex"  // does not match the question's pattern
	ErrChoice   = "choice" // not one of the choices (or of the Options)
	ErrOneValue = "one_value"
)

// Visible reports which questions are shown for answers a: a question
// with a condition is shown when the question it depends on is shown and
// the condition holds.
func Visible(f *Form, a Answers) map[string]bool {
	vis := map[string]bool{}
	for _, q := range f.Questions() {
		c := q.ShowIf
		if c == nil {
			vis[q.Key] = true
			continue
		}
		var vals []string
		if vis[c.Question] {
			vals = a[c.Question]
		}
		vis[q.Key] = c.holds(vals)
	}
	return vis
}

func (c *Condition) holds(vals []string) bool {
	switch c.Op {
	case OpEmpty:
		return len(vals) == 0
	case OpNotEmpty:
		return len(vals) > 0
	case OpEquals: // for check boxes: that box is ticked
		return hasFold(vals, c.Value)
	case OpNotEquals:
		return !hasFold(vals, c.Value)
	case OpContains:
		for _, v := range vals {
			if strings.Contains(strings.ToLower(v), strings.ToLower(c.Value)) {
				return true
			}
		}
	}
	return false
}

func hasFold(vals []string, s string) bool {
	for _, v := range vals {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// ValidateAnswers checks a submission: hidden questions are neither
// required nor kept; shown ones must be answered when mandatory and have
// answers of their type, matching their regex, among their choices (or
// opts for dynamic questions). It returns the answers kept and the
// errors, in question order.
func ValidateAnswers(f *Form, a Answers, opts Options) (Answers, []AnswerError) {
	vis := Visible(f, a)
	kept := Answers{}
	var errs []AnswerError
	for _, q := range f.Questions() {
		if !vis[q.Key] {
			continue
		}
		vals := a[q.Key]
		if len(vals) == 0 {
			if q.Mandatory {
				errs = append(errs, AnswerError{Key: q.Key, Code: ErrRequired})
			}
			continue
		}
		if code, arg := checkValues(q, vals, opts[q.Key]); code != "" {
			errs = append(errs, AnswerError{Key: q.Key, Code: code, Arg: arg})
			continue
		}
		kept[q.Key] = vals
	}
	return kept, errs
}

func checkValues(q *Question, vals []string, opts map[string]string) (code, arg string) {
	if !q.Type.Multi() && len(vals) > 1 {
		return ErrOneValue, ""
	}
	if len(vals) > maxValues {
		return ErrTooLong, strconv.Itoa(maxValues)
	}
	var re *regexp.Regexp
	if q.Regex != "" && q.Type.textual() && len(q.Regex) <= maxRegexBytes {
		re, _ = regexp.Compile(q.Regex) // Validate refused bad ones; a bad one is skipped
	}
	seen := map[string]bool{}
	for _, v := range vals {
		if !utf8.ValidString(v) {
			return ErrChoice, ""
		}
		if seen[v] {
			return ErrChoice, v
		}
		seen[v] = true
		if code, arg := checkValue(q, v, opts); code != "" {
			return code, arg
		}
		if re != nil && !re.MatchString(v) {
			return ErrRegex, ""
		}
	}
	return "", ""
}

func checkValue(q *Question, v string, opts map[string]string) (code, arg string) {
	switch q.Type {
	case TypeLongText:
		if len(v) > maxLongBytes {
			return ErrTooLong, strconv.Itoa(maxLongBytes)
		}
		return "", ""
	case TypeNumber:
		n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
		if len(v) > maxNumberBytes || err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
			return ErrNumber, ""
		}
	case TypeEmail:
		m, err := mail.ParseAddress(v)
		if err != nil || m.Address != v || m.Name != "" || !strings.Contains(v[strings.IndexByte(v, '@')+1:], ".") {
			return ErrEmail, ""
		}
	case TypeDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return ErrDate, ""
		}
	case TypeSingle, TypeMultiple, TypeDropdown:
		if choice(q, v) == nil {
			return ErrChoice, ""
		}
	case TypeDevices, TypeLocation, TypeUser:
		if _, ok := opts[v]; !ok {
			return ErrChoice, ""
		}
	}
	if utf8.RuneCountInString(v) > maxShortRunes {
		return ErrTooLong, strconv.Itoa(maxShortRunes)
	}
	return "", ""
}

func choice(q *Question, v string) *Choice {
	for i := range q.Choices {
		if q.Choices[i].Value == v {
			return &q.Choices[i]
		}
	}
	return nil
}
