// render/display/protect_random.cc - see protect_random.h.
#include "protect_random.h"

// qpdf 11 asks its users to say they no longer use PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <nettle/yarrow.h>
#include <qpdf/QUtil.hh>
#include <qpdf/RandomDataProvider.hh>

namespace {

// Yarrow-256 (AES-256 in counter mode under a key from the seed), started
// afresh for each write (yarrow256_seed alone would mix the new seed into
// the old state) and never fed more entropy: its output is a function of
// the seed alone.
class SeededRandom : public RandomDataProvider {
  public:
	SeededRandom() { yarrow256_init(&ctx, 0, nullptr); }
	void seed(const unsigned char *s, size_t len)
	{
		yarrow256_init(&ctx, 0, nullptr);
		yarrow256_seed(&ctx, len, s);
	}
	void provideRandomData(unsigned char *data, size_t len) override
	{
		yarrow256_random(&ctx, len, data);
	}

  private:
	struct yarrow256_ctx ctx;
};

SeededRandom seeded;

} // namespace

extern "C" void protect_random_begin(const unsigned char *seed, size_t len)
{
	seeded.seed(seed, len);
	QUtil::setRandomDataProvider(&seeded);
}

extern "C" void protect_random_end(void)
{
	QUtil::setRandomDataProvider(nullptr);
}
