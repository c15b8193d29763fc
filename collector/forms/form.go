package forms

import (
	"encoding/json"
	"fmt"
)

// Text is a bilingual text: forms are data, written by an administrator
// in French and English.
type Text struct {
	FR string `json:"fr,omitempty"`
	EN string `json:"en,omitempty"`
}

// In returns the text in lang ("fr" or "en"), falling back to the other
// language when that one is empty.
func (t Text) In(lang string) string {
	if lang == "fr" {
		if t.FR != "" {
			return t.FR
		}
		return t.EN
	}
	if t.EN != "" {
		return t.EN
	}
	return t.FR
}

// Type is a question's kind of answer.
type Type string

// The question types.
const (
	TypeShortText Type = "short_text"
	TypeLongText  Type = "long_text"
	TypeNumber    Type = "number"
	TypeEmail     Type = "email"
	TypeDate      Type = "date"     // YYYY-MM-DD
	TypeSingle    Type = "single"   // radio buttons
	TypeMultiple  Type = "multiple" // check boxes
	TypeDropdown  Type = "dropdown"
	TypeDevices   Type = "devices"  // the submitter's own devices (asset ids)
	TypeLocation  Type = "location" // a location id
	TypeUser      Type = "user"     // a user id
	TypeFile      Type = "file"     // attached to the ticket
)

// Types lists the question types in the builder's order.
var Types = []Type{TypeShortText, TypeLongText, TypeNumber, TypeEmail, TypeDate, TypeSingle, TypeMultiple,
	TypeDropdown, TypeDevices, TypeLocation, TypeUser, TypeFile}

// Valid reports whether t is one of Types.
func (t Type) Valid() bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// HasChoices reports whether answers to t are picked from the question's
// own list of choices.
func (t Type) HasChoices() bool { return t == TypeSingle || t == TypeMultiple || t == TypeDropdown }

// Dynamic reports whether the values of t come from the database (ids of
// devices, locations or users), checked against the Options given to
// ValidateAnswers.
func (t Type) Dynamic() bool { return t == TypeDevices || t == TypeLocation || t == TypeUser }

// Multi reports whether a question of type t takes several values.
func (t Type) Multi() bool { return t == TypeMultiple || t == TypeDevices || t == TypeFile }

// textual reports whether a regex applies to answers of t.
func (t Type) textual() bool {
	return t == TypeShortText || t == TypeLongText || t == TypeNumber || t == TypeEmail
}

// Operators of a "show if" condition.
const (
	OpEquals    = "equals"
	OpNotEquals = "not_equals"
	OpContains  = "contains"
	OpEmpty     = "empty"
	OpNotEmpty  = "not_empty"
)

// Operators lists the "show if" operators in the builder's order.
var Operators = []string{OpEquals, OpNotEquals, OpContains, OpEmpty, OpNotEmpty}

// Condition shows a question only when an earlier question's answer
// passes a test.
type Condition struct {
	Question string `json:"question"` // key of an earlier question
	Op       string `json:"op"`       // one of Operators
	Value    string `json:"value,omitempty"`
}

// Choice is one of a choice question's answers.
type Choice struct {
	Value string `json:"value"` // what is stored and compared by conditions
	Label Text   `json:"label"`
}

// Question is one question of a form.
type Question struct {
	Key       string     `json:"key"` // stable id: [a-z][a-z0-9_]*, unique in the form
	Type      Type       `json:"type"`
	Label     Text       `json:"label"`
	Help      Text       `json:"help,omitempty"`
	Mandatory bool       `json:"mandatory,omitempty"`
	Regex     string     `json:"regex,omitempty"` // Go syntax, for textual types
	Choices   []Choice   `json:"choices,omitempty"`
	ShowIf    *Condition `json:"show_if,omitempty"`
}

// Section groups questions under a title.
type Section struct {
	Title     Text       `json:"title"`
	Questions []Question `json:"questions"`
}

// Approval kinds: who must approve the ticket before it is worked on.
const (
	ApprovalNone     = ""
	ApprovalUser     = "user"     // a fixed user
	ApprovalGroup    = "group"    // a group's members
	ApprovalQuestion = "question" // the user chosen in a "user" question
)

// Approval says who approves a form's ticket first.
type Approval struct {
	Kind       string `json:"kind,omitempty"`
	UserID     int64  `json:"user_id,omitempty"`
	GroupID    int64  `json:"group_id,omitempty"`
	Question   string `json:"question,omitempty"`    // key of a "user" question
	MinPercent int    `json:"min_percent,omitempty"` // approvals needed: 0, 50 or 100
}

// Target is what a submission creates: a ticket requested by the
// submitter, linked to the devices answered in "devices" questions.
type Target struct {
	Type            int      `json:"type"` // 1 incident, 2 request
	CategoryID      int64    `json:"category_id,omitempty"`
	Urgency         int      `json:"urgency"`                     // 1..5
	Title           string   `json:"title"`                       // template, see ParseTemplate
	AssigneeGroupID int64    `json:"assignee_group_id,omitempty"` // else the category's group
	ObserverGroupID int64    `json:"observer_group_id,omitempty"`
	ObserverUserIDs []int64  `json:"observer_user_ids,omitempty"`
	Approval        Approval `json:"approval"`
}

// Form is a form's definition, stored as JSON.
type Form struct {
	Name        Text      `json:"name"`
	Description Text      `json:"description,omitempty"`
	Icon        string    `json:"icon,omitempty"`  // one of Icons' keys
	Color       string    `json:"color,omitempty"` // one of Colors
	Roles       []string  `json:"roles,omitempty"` // roles that see it; none means everybody
	Sections    []Section `json:"sections"`
	Target      Target    `json:"target"`
}

// Icons are the tiles' symbols by key.
var Icons = map[string]string{
	"form": "📝", "laptop": "💻", "person": "🧑", "printer": "🖨️", "phone": "📞", "key": "🔑",
	"box": "📦", "wrench": "🔧", "network": "🌐", "calendar": "📅",
}

// Colors are the tiles' colours (Bootstrap's names).
var Colors = []string{"primary", "secondary", "success", "danger", "warning", "info", "dark"}

// Symbol is the form's tile symbol.
func (f *Form) Symbol() string {
	if s, ok := Icons[f.Icon]; ok {
		return s
	}
	return Icons["form"]
}

// VisibleTo reports whether a user of role sees the form in the catalogue.
func (f *Form) VisibleTo(role string) bool {
	if len(f.Roles) == 0 {
		return true
	}
	for _, r := range f.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Questions returns every question in order, across sections.
func (f *Form) Questions() []*Question {
	var out []*Question
	for i := range f.Sections {
		for j := range f.Sections[i].Questions {
			out = append(out, &f.Sections[i].Questions[j])
		}
	}
	return out
}

// Question returns the question of key, nil if none.
func (f *Form) Question(key string) *Question {
	for _, q := range f.Questions() {
		if q.Key == key {
			return q
		}
	}
	return nil
}

// maxDefinitionBytes bounds a stored definition.
const maxDefinitionBytes = 1 << 20

// Parse decodes a stored definition.
func Parse(data []byte) (*Form, error) {
	if len(data) > maxDefinitionBytes {
		return nil, fmt.Errorf("parse form: definition of %d bytes is over %d", len(data), maxDefinitionBytes)
	}
	var f Form
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("parse form: %w", err)
	}
	return &f, nil
}

// Marshal encodes a definition for storage.
func (f *Form) Marshal() ([]byte, error) { return json.Marshal(f) }
