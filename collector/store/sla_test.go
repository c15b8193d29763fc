package store_test

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestSLAConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunSLA(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}

func TestRecurrentConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunRecurrent(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}
