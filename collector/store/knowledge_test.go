package store_test

import (
	"testing"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/collector/store/storetest"
)

func TestKnowledgeConformance(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			storetest.RunKnowledge(t, func(t *testing.T) store.Store { return storetest.Open(t, d) })
		})
	}
}
