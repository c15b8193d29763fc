package store_test

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestJobs(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunJobs(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}

func TestSNMP(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			storetest.RunSNMP(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}
