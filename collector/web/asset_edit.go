package web

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/park"
	"github.com/parcproject/parc/collector/store"
)

// editableInventoried are the inventoried fields the edit form offers;
// changing one locks it against later inventories (park.Edit).
var editableInventoried = []string{"name", "inventory_number"}

type editField struct {
	Name  string
	Kind  string // "text", "date", "money", "textarea", "select"
	Value string
	// Options of a select: ID -> name, in order.
	Options []store.State // reuse: ID and Name
	Locked  bool
}

type assetEditData struct {
	Asset  *store.Asset
	Fields []editField
	Error  string
}

func (s *Server) assetEditForm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadAsset(w, r)
	if !ok {
		return
	}
	s.renderEdit(w, r, http.StatusOK, a, nil, "")
}

func (s *Server) renderEdit(w http.ResponseWriter, r *http.Request, status int, a *store.Asset, posted map[string]string, msg string) {
	ctx := r.Context()
	locks, err := s.st.FieldLocks(ctx, a.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	locked := map[string]bool{}
	for _, l := range locks {
		locked[l.Field] = true
	}
	opts, err := s.editOptions(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := assetEditData{Asset: a, Error: msg}
	add := func(f park.Field) {
		ef := editField{Name: f.Name, Kind: editKind(f.Name), Value: f.Get(a), Locked: locked[f.Name], Options: opts[f.Name]}
		if ef.Kind == "money" {
			n, _ := strconv.ParseInt(ef.Value, 10, 64)
			ef.Value = centsText(n)
		}
		if v, ok := posted[f.Name]; ok {
			ef.Value = v
		}
		d.Fields = append(d.Fields, ef)
	}
	for _, name := range editableInventoried {
		if f, ok := park.FieldByName(name); ok {
			add(f)
		}
	}
	for _, f := range park.ManualFields {
		add(f)
	}
	p := s.newPage(r, "asset.edit", "assets", d)
	p.Title = i18n.T(p.Lang, "asset.edit") + " · " + firstNonEmpty(a.Name, "#"+itoa64(a.ID))
	s.render(w, r, status, "asset_edit", p)
}

func editKind(name string) string {
	switch name {
	case "location_id", "state_id", "owner_id":
		return "select"
	case "purchase_date", "warranty_end":
		return "date"
	case "purchase_cents":
		return "money"
	case "comment":
		return "textarea"
	}
	return "text"
}

// editOptions are the choices of the select fields.
func (s *Server) editOptions(r *http.Request) (map[string][]store.State, error) {
	ctx := r.Context()
	out := map[string][]store.State{}
	locs, err := s.st.ListLocations(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range locs {
		out["location_id"] = append(out["location_id"], store.State{ID: l.ID, Name: l.Name})
	}
	if out["state_id"], err = s.st.ListStates(ctx); err != nil {
		return nil, err
	}
	users, err := s.st.ListUsers(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		out["owner_id"] = append(out["owner_id"], store.State{ID: u.ID, Name: firstNonEmpty(u.Name, u.Login) + " (" + u.Login + ")"})
	}
	return out, nil
}

func (s *Server) assetEditSubmit(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadAsset(w, r)
	if !ok {
		return
	}
	changes := map[string]string{}
	for _, name := range editableInventoried {
		if v, ok := r.PostForm[name]; ok {
			changes[name] = v[0]
		}
	}
	for _, f := range park.ManualFields {
		if v, ok := r.PostForm[f.Name]; ok {
			changes[f.Name] = v[0]
		}
	}
	posted := map[string]string{}
	for k, v := range changes {
		posted[k] = v
	}
	if v, ok := changes["purchase_cents"]; ok {
		cents, err := parseMoney(v)
		if err != nil {
			s.renderEdit(w, r, http.StatusBadRequest, a, posted, i18n.T(state(r).lang, "edit.bad_money"))
			return
		}
		changes["purchase_cents"] = cents
	}
	err := park.Edit(r.Context(), s.st, a.ID, actor(r), changes)
	if errors.Is(err, park.ErrInvalidValue) || errors.Is(err, park.ErrUnknownField) {
		s.renderEdit(w, r, http.StatusBadRequest, a, posted, i18n.T(state(r).lang, "edit.invalid")+" "+err.Error())
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	redirect(w, r, "/assets/"+itoa64(a.ID))
}

// reMoney is an amount with at most two decimals: no sign, exponent or
// hexadecimal, which ParseFloat would take.
var reMoney = regexp.MustCompile(`^(\d{1,12})(?:\.(\d{0,2}))?$`)

// parseMoney reads "1234.5", "1 234,50" or "" as cents, exactly (no
// floating point).
func parseMoney(v string) (string, error) {
	v = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(strings.TrimSpace(v))
	if v == "" {
		return "", nil
	}
	m := reMoney.FindStringSubmatch(v)
	if m == nil {
		return "", errors.New("not an amount")
	}
	units, _ := strconv.ParseInt(m[1], 10, 64)
	dec := (m[2] + "00")[:2]
	cents, _ := strconv.ParseInt(dec, 10, 64)
	return strconv.FormatInt(units*100+cents, 10), nil
}

// loadAsset fetches the {id} asset or answers 404.
func (s *Server) loadAsset(w http.ResponseWriter, r *http.Request) (*store.Asset, bool) {
	a, err := s.st.GetAsset(r.Context(), pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return nil, false
	}
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	return a, true
}
