package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketForm is the "Request assistance" form's data.
type ticketForm struct {
	Type       int
	Title      string
	Content    string
	Urgency    int
	CategoryID int64
	AssetID    int64
	Types      []helpdesk.Type
	Levels     []int
	Categories []store.Category
	Devices    []store.Asset
	Error      string
}

// ticketNew shows the "Request assistance" form. ?device=<agent deviceid>
// (the agent's local status page links here) or ?asset=<id> preselects the
// machine, if it is one of the user's devices (any asset for staff).
func (s *Server) ticketNew(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f := &ticketForm{Type: int(helpdesk.TypeIncident), Urgency: 3}
	if err := s.fillTicketForm(ctx, r, f); err != nil {
		s.serverError(w, r, err)
		return
	}
	want, err := s.requestedAsset(ctx, r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f.AssetID = preselect(f.Devices, want, state(r).user.Login)
	s.render(w, r, http.StatusOK, "ticket_new", s.newPage(r, "ticket.new_title", "helpdesk", f))
}

// fillTicketForm loads the form's choices: categories and the user's
// devices, plus, for staff, the asset of ?asset or ?device.
func (s *Server) fillTicketForm(ctx context.Context, r *http.Request, f *ticketForm) error {
	tq, err := s.tickets()
	if err != nil {
		return err
	}
	f.Types, f.Levels = helpdesk.Types, []int{1, 2, 3, 4, 5}
	if f.Categories, err = activeCategories(ctx, tq); err != nil {
		return err
	}
	u := state(r).user
	if f.Devices, err = tq.UserDevices(ctx, u.ID, u.Login); err != nil {
		return err
	}
	if !hasRole(r, store.RoleTechnician) {
		return nil
	}
	id, err := s.requestedAsset(ctx, r)
	if err != nil || id == 0 || containsAsset(f.Devices, id) {
		return err
	}
	a, err := s.st.GetAsset(ctx, id)
	if err != nil {
		return err
	}
	f.Devices = append(f.Devices, *a)
	return nil
}

// requestedAsset is the asset named by ?asset=<id>, the form's asset
// field, or ?device=<agent deviceid>; 0 if none or unknown.
func (s *Server) requestedAsset(ctx context.Context, r *http.Request) (int64, error) {
	for _, v := range []string{r.URL.Query().Get("asset"), r.PostForm.Get("asset")} {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			return id, nil
		}
	}
	dev := strings.TrimSpace(r.URL.Query().Get("device"))
	if dev == "" {
		return 0, nil
	}
	ag, err := s.st.GetAgentByDeviceID(ctx, dev)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return ag.AssetID, nil
}

// preselect picks the machine the form starts with: the one asked for if
// it is in the list, else the one the user last logged on to, else the
// only one.
func preselect(devs []store.Asset, want int64, login string) int64 {
	if want != 0 && containsAsset(devs, want) {
		return want
	}
	var best *store.Asset
	for i := range devs {
		d := &devs[i]
		if !strings.EqualFold(lastLogin(d.LastUser), login) {
			continue
		}
		if best == nil || d.LastInventoryAt.After(best.LastInventoryAt) {
			best = d
		}
	}
	if best != nil {
		return best.ID
	}
	if len(devs) == 1 {
		return devs[0].ID
	}
	return 0
}

// lastLogin strips a Windows domain: "MAIRIE\alice" is "alice".
func lastLogin(u string) string {
	if i := strings.LastIndexByte(u, '\\'); i >= 0 {
		return u[i+1:]
	}
	return u
}

func containsAsset(devs []store.Asset, id int64) bool {
	for _, d := range devs {
		if d.ID == id {
			return true
		}
	}
	return false
}

// activeCategories lists the categories offered for new tickets.
func activeCategories(ctx context.Context, tq store.TicketQueries) ([]store.Category, error) {
	cats, err := tq.ListCategories(ctx)
	var out []store.Category
	for _, c := range cats {
		if !c.Inactive {
			out = append(out, c)
		}
	}
	return out, err
}
