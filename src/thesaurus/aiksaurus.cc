/*
 * The thesaurus module: Aiksaurus (libaiksaurus, a C++ library; its
 * data in libaiksaurus-1.2-data) behind thmodule.h's table.  Built into
 * quire-thesaurus.so, which the core opens with dlopen() on the first
 * word it looks up, so a start of quire loads neither the library nor
 * the C++ runtime.
 */
#include <new>
#include <string>

#include <Aiksaurus.h>

#include "thmodule.h"

namespace {

/* A thesaurus reading the data files in DATADIR; NULL when it cannot. */
void *
th_create(const char *datadir)
{
	try {
		std::string dir(datadir != nullptr ? datadir : "");
		std::string meanings = dir + "/meanings.dat";
		std::string words = dir + "/words.dat";
		Aiksaurus *a = new (std::nothrow) Aiksaurus(meanings.c_str(),
		    words.c_str());

		if (a != nullptr && a->error()[0] != '\0') {
			delete a;
			a = nullptr;
		}
		return a;
	} catch (...) {
		return nullptr;
	}
}

void
th_destroy(void *th)
{
	delete static_cast<Aiksaurus *>(th);
}

int
th_find(void *th, const char *word)
{
	Aiksaurus *a = static_cast<Aiksaurus *>(th);

	return a->find(word) && a->error()[0] == '\0';
}

const char *
th_next(void *th, int *meaning)
{
	Aiksaurus *a = static_cast<Aiksaurus *>(th);
	const char *w = a->next(*meaning);

	return w != nullptr && w[0] != '\0' && a->error()[0] == '\0' ? w :
	    nullptr;
}

} // namespace

extern "C" __attribute__((visibility("default")))
const struct th_module TH_MODULE_SYMBOL = {
	TH_MODULE_ABI, th_create, th_destroy, th_find, th_next,
};
