class Formula < Formula
end
