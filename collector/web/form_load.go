package web

import (
	"context"
	"errors"
	"fmt"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// loadForm reads a form and parses its definition.
func (s *Server) loadForm(ctx context.Context, id int64) (*store.Form, *forms.Form, error) {
	fq, err := store.Forms(s.st)
	if err != nil {
		return nil, nil, err
	}
	sf, err := fq.GetForm(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	def, err := forms.Parse([]byte(sf.Definition))
	if err != nil {
		return nil, nil, fmt.Errorf("form %d: %w", id, err)
	}
	return sf, def, nil
}

// saveForm checks def and stores it as sf's definition; the problems
// found, if any, are returned translated and nothing is saved.
func (s *Server) saveForm(ctx context.Context, lang string, sf *store.Form, def *forms.Form) ([]string, error) {
	if errs := forms.Validate(def); len(errs) > 0 {
		return defErrors(lang, errs), nil
	}
	data, err := def.Marshal()
	if err != nil {
		return nil, err
	}
	fq, err := store.Forms(s.st)
	if err != nil {
		return nil, err
	}
	sf.NameFR, sf.NameEN, sf.Definition, sf.UpdatedAt = def.Name.FR, def.Name.EN, string(data), s.now()
	return nil, fq.UpdateForm(ctx, sf)
}

// defErrors translates the builder's errors: "field: reason (detail)".
func defErrors(lang string, errs []forms.DefError) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Field + " : " + i18n.T(lang, "forms.def_"+e.Code)
		if e.Arg != "" {
			out[i] += " (" + e.Arg + ")"
		}
	}
	return out
}

// visibleForms lists the active forms a user of role is shown, as tiles
// in lang; a definition that no longer parses is logged and skipped.
func (s *Server) visibleForms(ctx context.Context, role, lang string) ([]catalogTile, error) {
	fq, err := store.Forms(s.st)
	if err != nil {
		return nil, err
	}
	list, err := fq.ListForms(ctx, true)
	if err != nil {
		return nil, err
	}
	var out []catalogTile
	for _, sf := range list {
		def, err := forms.Parse([]byte(sf.Definition))
		if err != nil {
			s.log.Error("unreadable form skipped", "form", sf.ID, "err", err)
			continue
		}
		if def.VisibleTo(role) {
			out = append(out, catalogTile{ID: sf.ID, Name: def.Name.In(lang), Description: def.Description.In(lang),
				Symbol: def.Symbol(), Color: def.Color})
		}
	}
	return out, nil
}

// catalogTile is one form of the catalogue, in the user's language; its
// element id is "catalog-tile-<ID>".
type catalogTile struct {
	ID                        int64
	Name, Description, Symbol string
	Color                     string // Bootstrap colour, "" for the default
}

// ticketFormName is the name, in lang, of the form that created a
// ticket, "" if it was not created by a form.
func (s *Server) ticketFormName(ctx context.Context, ticketID int64, lang string) (string, error) {
	fq, err := store.Forms(s.st)
	if err != nil {
		return "", err
	}
	a, err := fq.GetFormAnswer(ctx, ticketID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return forms.Text{FR: a.FormNameFR, EN: a.FormNameEN}.In(lang), nil
}
