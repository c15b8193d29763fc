package web

import (
	"net/http"
	"sort"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// The dashboard's thresholds: "not seen for" and "warranty ends within".
const (
	unseenDays   = 30
	warrantyDays = 90
)

type dashboardData struct {
	Tech           *techDashboard // a technician's own tickets, nil for observers
	ByType         []store.GroupCount
	ByOS           []store.GroupCount
	ByManufacturer []store.GroupCount
	ByYear         []store.GroupCount // computers by purchase year (age)
	Total          int
	Unseen         int
	UnseenDays     int
	WarrantySoon   int // computers whose warranty ends within 90 days
	WarrantyDays   int
	Park           bool
	LowSupplies    int // printers with a supply under the site's threshold
	Unmanaged      int // discovered hosts waiting to be imported
}

// dashboard is the home page: the park's counts and charts for those who
// may see the park; self-service users land on their helpdesk home (their
// requests' counters and the service catalogue).
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	if !hasRole(r, store.RoleObserver) {
		redirect(w, r, "/helpdesk")
		return
	}
	d := dashboardData{UnseenDays: unseenDays, WarrantyDays: warrantyDays, Park: hasRole(r, store.RoleObserver)}
	if d.Park {
		if err := s.fillDashboard(r, &d); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if hasRole(r, store.RoleTechnician) {
		var err error
		if d.Tech, err = s.techDashboard(r); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "dashboard", s.newPage(r, "dashboard.title", "dashboard", d))
}

func (s *Server) fillDashboard(r *http.Request, d *dashboardData) error {
	ctx := r.Context()
	byType, err := s.st.CountAssetsByType(ctx)
	if err != nil {
		return err
	}
	for _, t := range store.AssetTypes {
		if n := byType[t]; n > 0 {
			d.ByType = append(d.ByType, store.GroupCount{Value: t, Count: n})
			d.Total += n
		}
	}
	sort.SliceStable(d.ByType, func(i, j int) bool { return d.ByType[i].Count > d.ByType[j].Count })
	if d.ByOS, err = s.wq.CountAssetsBy(ctx, "os", store.TypeComputer, 10); err != nil {
		return err
	}
	if d.ByManufacturer, err = s.wq.CountAssetsBy(ctx, "manufacturer", "", 10); err != nil {
		return err
	}
	if d.ByYear, err = s.wq.CountAssetsBy(ctx, "purchase_year", store.TypeComputer, 15); err != nil {
		return err
	}
	sort.SliceStable(d.ByYear, func(i, j int) bool { return d.ByYear[i].Value > d.ByYear[j].Value })
	now := s.now()
	unseen, err := s.st.ListAssets(ctx, store.AssetFilter{SeenBefore: now.AddDate(0, 0, -unseenDays), Limit: 1})
	if err != nil {
		return err
	}
	d.Unseen = unseen.Total
	soon, err := s.st.ListAssets(ctx, store.AssetFilter{Type: store.TypeComputer,
		WarrantyBefore: now.AddDate(0, 0, warrantyDays).Format(time.DateOnly), Limit: 1})
	if err != nil {
		return err
	}
	d.WarrantySoon = soon.Total
	d.Unmanaged = byType[store.TypeUnmanaged]
	d.LowSupplies, err = s.countLowSupplies(ctx)
	return err
}
