package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// historyPage is how many history rows the asset page shows at once.
const historyPage = 50

type assetViewData struct {
	Asset        *store.Asset
	Facts        []fact
	Manual       []fact
	Sections     []section
	Software     []store.Installation
	History      []store.HistoryEntry
	HistoryTotal int
	OlderURL     string
	Children     []store.Asset
	Parent       *store.Asset
	Agent        *store.Agent
	Tickets      ticketListData // the asset's tickets, open and past
	Net          *netAssetData  // switch port, ports, printer data; nil if none
}

func (s *Server) assetView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.st.GetAsset(ctx, pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := assetViewData{Asset: a}
	if err := s.fillAssetView(r, &d); err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "asset.title", "assets", d)
	p.Title = firstNonEmpty(a.Name, "#"+itoa64(a.ID))
	s.render(w, r, http.StatusOK, "asset_view", p)
}

func (s *Server) fillAssetView(r *http.Request, d *assetViewData) error {
	ctx, a := r.Context(), d.Asset
	lk, err := s.loadLookups(ctx, a.OwnerID != 0)
	if err != nil {
		return err
	}
	locks, err := s.st.FieldLocks(ctx, a.ID)
	if err != nil {
		return err
	}
	d.Facts, d.Manual = buildFacts(a, lk, locks)
	comps, err := s.st.Components(ctx, a.ID, "")
	if err != nil {
		return err
	}
	d.Sections = buildSections(comps)
	if d.Software, err = s.st.Installations(ctx, a.ID); err != nil {
		return err
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	if d.History, err = s.st.AssetHistory(ctx, a.ID, before, historyPage); err != nil {
		return err
	}
	if d.HistoryTotal, err = s.st.CountHistory(ctx, a.ID); err != nil {
		return err
	}
	if n := len(d.History); n == historyPage {
		d.OlderURL = "/assets/" + itoa64(a.ID) + "?before=" + itoa64(d.History[n-1].ID) + "#history"
	}
	if d.Children, err = s.st.ListChildren(ctx, a.ID, store.TypeMonitor); err != nil {
		return err
	}
	if a.ParentID != 0 {
		if d.Parent, err = s.st.GetAsset(ctx, a.ParentID); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	if d.Agent, err = s.st.GetAgentByAsset(ctx, a.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if d.Net, err = s.netAssetView(r, a); err != nil {
		return err
	}
	d.Tickets, err = s.assetTickets(ctx, a.ID)
	return err
}
