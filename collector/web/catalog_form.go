package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/store"
)

// errFormHidden is a form that is inactive or not shown to the user's role.
var errFormHidden = errors.New("form not offered to this user")

// catalogForm shows one form of the catalogue, blank.
func (s *Server) catalogForm(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sf, def, err := s.offeredForm(ctx, r)
	if err != nil {
		s.formError(w, r, err)
		return
	}
	ch, err := s.formChoices(ctx, r, def)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.renderForm(w, r, http.StatusOK, newFormView(state(r).lang, sf.ID, def, ch, nil, nil))
}

// offeredForm loads the form of the URL if the user may use it.
func (s *Server) offeredForm(ctx context.Context, r *http.Request) (*store.Form, *forms.Form, error) {
	sf, def, err := s.loadForm(ctx, pathID(r))
	if err != nil {
		return nil, nil, err
	}
	if !sf.Active || !def.VisibleTo(state(r).user.Role) {
		return nil, nil, errFormHidden
	}
	return sf, def, nil
}

func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, v *formView) {
	limit, err := s.uploadLimit(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v.MaxUploadMiB = limit >> 20
	p := s.newPage(r, "forms.catalog_title", "catalog", v)
	p.Title = v.Name
	s.render(w, r, status, "catalog_form", p)
}

// formError answers a missing or hidden form with 404, anything else 500.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, errFormHidden) {
		s.errorPage(w, r, http.StatusNotFound, "forms.not_found")
		return
	}
	s.serverError(w, r, err)
}
