package web

import (
	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/i18n"
)

// formView is a form as the catalogue page shows it, in one language,
// with the answers given so far and their errors.
type formView struct {
	ID           int64
	Name         string
	Description  string
	Symbol       string
	Sections     []sectionView
	Errors       []string // a summary, in question order
	Multipart    bool     // the form has a file question
	MaxUploadMiB int64    // the largest file accepted
}

type sectionView struct {
	Title     string
	Questions []questionView
}

// questionView is one question: its field is named forms.FieldPrefix +
// Key and its element id is "form-" + Key (stable, for tests).
type questionView struct {
	Key, Type, Label, Help string
	Mandatory              bool
	Options                []optionView
	Value                  string // first answer, for text fields
	Error                  string
	ShowIf                 *forms.Condition // for forms.js; the server decides on submit
	Condition              string           // the condition in words, for pages without JavaScript
}

type optionView struct {
	Value, Label string
	Selected     bool
}

// newFormView builds the page of def for answers a (nil: a blank form,
// with the user's usual device preselected) and errors by key.
func newFormView(lang string, id int64, def *forms.Form, ch *formChoices, a forms.Answers, errs []forms.AnswerError) *formView {
	v := &formView{ID: id, Name: def.Name.In(lang), Description: def.Description.In(lang), Symbol: def.Symbol()}
	byKey := map[string]string{}
	for _, e := range errs {
		msg := i18n.T(lang, "forms.err_"+e.Code)
		if e.Code == forms.ErrTooLong {
			msg = i18n.T(lang, "forms.err_too_long", e.Arg)
		}
		byKey[e.Key] = msg
	}
	for _, s := range def.Sections {
		sv := sectionView{Title: s.Title.In(lang)}
		for i := range s.Questions {
			q := &s.Questions[i]
			vals := a[q.Key]
			if a == nil && q.Type == forms.TypeDevices && ch.Device != "" {
				vals = []string{ch.Device}
			}
			qv := questionView{Key: q.Key, Type: string(q.Type), Label: q.Label.In(lang), Help: q.Help.In(lang),
				Mandatory: q.Mandatory, Error: byKey[q.Key], ShowIf: q.ShowIf, Condition: conditionText(lang, def, q.ShowIf)}
			if len(vals) > 0 {
				qv.Value = vals[0]
			}
			selected := map[string]bool{}
			for _, x := range vals {
				selected[x] = true
			}
			for _, c := range q.Choices {
				qv.Options = append(qv.Options, optionView{c.Value, c.Label.In(lang), selected[c.Value]})
			}
			for _, o := range ch.List[q.Key] {
				qv.Options = append(qv.Options, optionView{o.Value, o.Label, selected[o.Value]})
			}
			if q.Type == forms.TypeFile {
				v.Multipart = true
			}
			if qv.Error != "" {
				v.Errors = append(v.Errors, qv.Label+" : "+qv.Error)
			}
			sv.Questions = append(sv.Questions, qv)
		}
		v.Sections = append(v.Sections, sv)
	}
	return v
}

// conditionText says when a conditional question applies, such as
// "Only if “Equipment requested” is “Other”."
func conditionText(lang string, def *forms.Form, c *forms.Condition) string {
	if c == nil {
		return ""
	}
	dep := def.Question(c.Question)
	if dep == nil {
		return ""
	}
	value := c.Value
	for _, ch := range dep.Choices {
		if ch.Value == c.Value {
			value = ch.Label.In(lang)
		}
	}
	return i18n.T(lang, "forms.cond_"+c.Op, dep.Label.In(lang), value)
}
