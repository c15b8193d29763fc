package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

func init() {
	pageNames = append(pageNames, "printer_settings")
	layoutFiles = append(layoutFiles, "asset_network_partials.html")
}

type printerSettingsData struct {
	Percent int
	Low     int // printers low on supplies at Percent
	Error   string
	Saved   bool
}

// printerSettings shows the low-supply threshold and how many printers
// are under it.
func (s *Server) printerSettings(w http.ResponseWriter, r *http.Request) {
	s.renderPrinterSettings(w, r, http.StatusOK, printerSettingsData{Saved: r.URL.Query().Get("saved") == "1"})
}

func (s *Server) renderPrinterSettings(w http.ResponseWriter, r *http.Request, status int, d printerSettingsData) {
	ctx := r.Context()
	var err error
	if d.Percent == 0 {
		if d.Percent, err = lowSupplyPercent(ctx, s.st); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	nq, err := store.Net(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Low, err = nq.CountLowSupplyPrinters(ctx, d.Percent); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, status, "printer_settings", s.newPage(r, "net.supplies_settings", "admin", d))
}

// printerSettingsSave stores the low-supply threshold (1 to 99 %).
func (s *Server) printerSettingsSave(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("percent")))
	if err != nil || n < 1 || n > 99 {
		s.renderPrinterSettings(w, r, http.StatusUnprocessableEntity, printerSettingsData{
			Percent: store.DefaultLowSupplyPercent, Error: i18n.T(state(r).lang, "net.error_percent")})
		return
	}
	if err := s.st.SetSetting(r.Context(), store.SettingLowSupplyPercent, strconv.Itoa(n)); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("low-supply threshold set", "percent", n, "user", actor(r))
	redirect(w, r, "/admin/supplies?saved=1")
}
