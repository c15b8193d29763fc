package store_test

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestListConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunList(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}

func TestAgentPageConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunAgentPage(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}
