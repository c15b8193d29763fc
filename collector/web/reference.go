package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// locationRow is a location in tree order with its depth.
type locationRow struct {
	store.Location
	Depth  int
	Indent string
}

type referenceData struct {
	Locations []locationRow
	States    []store.State
	Error     string
}

// reference shows the locations tree and the states, with forms to add
// them (administrators only).
func (s *Server) reference(w http.ResponseWriter, r *http.Request) {
	s.renderReference(w, r, http.StatusOK, "")
}

func (s *Server) renderReference(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ctx := r.Context()
	locs, err := s.st.ListLocations(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	states, err := s.st.ListStates(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := referenceData{Locations: locationTree(locs), States: states, Error: msg}
	s.render(w, r, status, "reference", s.newPage(r, "reference.title", "reference", d))
}

// locationTree orders locations depth first, children by name.
func locationTree(locs []store.Location) []locationRow {
	children := map[int64][]store.Location{}
	known := map[int64]bool{}
	for _, l := range locs {
		known[l.ID] = true
	}
	for _, l := range locs {
		parent := l.ParentID
		if !known[parent] {
			parent = 0
		}
		children[parent] = append(children[parent], l)
	}
	var out []locationRow
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		kids := children[parent]
		sort.Slice(kids, func(i, j int) bool { return strings.ToLower(kids[i].Name) < strings.ToLower(kids[j].Name) })
		for _, l := range kids {
			if depth > 20 { // a cycle written by hand in the database
				return
			}
			out = append(out, locationRow{Location: l, Depth: depth, Indent: strings.Repeat("— ", depth)})
			walk(l.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

func (s *Server) locationCreate(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostForm.Get("name"))
	parent, _ := strconv.ParseInt(r.PostForm.Get("parent"), 10, 64)
	if name == "" || len(name) > 200 {
		s.renderReference(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "reference.bad_name"))
		return
	}
	if parent != 0 {
		if ok, err := s.locationExists(r, parent); err != nil {
			s.serverError(w, r, err)
			return
		} else if !ok {
			s.renderReference(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "error.bad_form"))
			return
		}
	}
	err := s.st.CreateLocation(r.Context(), &store.Location{Name: name, ParentID: parent})
	if errors.Is(err, store.ErrConflict) {
		s.renderReference(w, r, http.StatusConflict, i18n.T(state(r).lang, "reference.exists"))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/reference")
}

func (s *Server) stateCreate(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PostForm.Get("name"))
	if name == "" || len(name) > 200 {
		s.renderReference(w, r, http.StatusBadRequest, i18n.T(state(r).lang, "reference.bad_name"))
		return
	}
	err := s.st.CreateState(r.Context(), &store.State{Name: name})
	if errors.Is(err, store.ErrConflict) {
		s.renderReference(w, r, http.StatusConflict, i18n.T(state(r).lang, "reference.exists"))
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/reference")
}

func (s *Server) locationExists(r *http.Request, id int64) (bool, error) {
	locs, err := s.st.ListLocations(r.Context())
	if err != nil {
		return false, err
	}
	for _, l := range locs {
		if l.ID == id {
			return true, nil
		}
	}
	return false, nil
}
