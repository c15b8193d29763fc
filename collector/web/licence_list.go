package web

import (
	"net/http"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// licenceSoftwareChoices caps the software offered by the new-licence
// form: the store lists at most that many at once.
const licenceSoftwareChoices = 1000

func init() {
	pageNames = append(pageNames, "licence_list")
}

// licenceRow is a licence as the list shows it.
type licenceRow struct {
	store.LicenceUsage
	Expired bool
}

// licenceForm is the new-licence form as posted, with an error message
// per wrong field (already translated).
type licenceForm struct {
	SoftwareID int64
	Name       string
	Seats      string
	ExpiresOn  string
	Comment    string
	Errors     map[string]string
}

type licenceListData struct {
	Licences []licenceRow
	OverOnly bool
	Over     int // over-used licences among all, whatever the filter
	Software []store.Software
	Form     licenceForm
}

// licenceList shows every licence with the seats it grants and the
// installations that use them, flagging over-use; over=1 keeps only the
// over-used ones.
func (s *Server) licenceList(w http.ResponseWriter, r *http.Request) {
	s.renderLicences(w, r, http.StatusOK, licenceForm{})
}

func (s *Server) renderLicences(w http.ResponseWriter, r *http.Request, status int, form licenceForm) {
	ctx := r.Context()
	lq, err := store.Licences(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	day := s.now().Format(time.DateOnly)
	us, err := lq.LicenceUsages(ctx, 0, day)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := licenceListData{OverOnly: r.URL.Query().Get("over") == "1", Form: form}
	for _, u := range us {
		if u.Over {
			d.Over++
		}
		if !d.OverOnly || u.Over {
			d.Licences = append(d.Licences, licenceRow{LicenceUsage: u, Expired: u.Expired(day)})
		}
	}
	if hasRole(r, store.RoleTechnician) {
		page, err := s.st.ListSoftware(ctx, store.SoftwareFilter{Limit: licenceSoftwareChoices})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		d.Software = page.Software
	}
	s.render(w, r, status, "licence_list", s.newPage(r, "licence.title", "licences", d))
}
