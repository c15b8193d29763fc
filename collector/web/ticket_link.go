package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/store"
)

// ticketAssetLink links an asset of the park ("asset" field: its ID) to
// the ticket.
func (s *Server) ticketAssetLink(w http.ResponseWriter, r *http.Request) {
	assetID, err := strconv.ParseInt(r.PostForm.Get("asset"), 10, 64)
	if err != nil || assetID <= 0 {
		s.ticketError(w, r, errBadInput)
		return
	}
	s.changeAssetLink(w, r, assetID, true)
}

// ticketAssetUnlink removes the link to the asset {asset}.
func (s *Server) ticketAssetUnlink(w http.ResponseWriter, r *http.Request) {
	assetID, err := strconv.ParseInt(chi.URLParam(r, "asset"), 10, 64)
	if err != nil || assetID <= 0 {
		s.ticketError(w, r, errBadInput)
		return
	}
	s.changeAssetLink(w, r, assetID, false)
}

func (s *Server) changeAssetLink(w http.ResponseWriter, r *http.Request, assetID int64, link bool) {
	s.doTicket(w, r, ticketChange{
		ev: helpdesk.Event{Action: helpdesk.ActEdit},
		prepare: func(ctx context.Context, tq store.TicketQueries, lt *loadedTicket, _ helpdesk.State, _ *helpdesk.Event) error {
			a, err := s.st.GetAsset(ctx, assetID)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("asset %d: %w", assetID, errBadInput)
			}
			if err != nil {
				return err
			}
			h := store.TicketHistoryEntry{TicketID: lt.t.ID, Actor: actor(r), At: s.now()}
			if link {
				err, h.Field, h.NewValue = tq.LinkTicketAsset(ctx, lt.t.ID, assetID), "asset_linked", a.Name
			} else {
				err, h.Field, h.OldValue = tq.UnlinkTicketAsset(ctx, lt.t.ID, assetID), "asset_unlinked", a.Name
			}
			if err != nil {
				return err
			}
			return tq.AddTicketHistory(ctx, []store.TicketHistoryEntry{h})
		},
	})
}
