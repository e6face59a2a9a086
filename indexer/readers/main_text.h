// Finds the main text of an HTML page and returns it as paragraphs: navigation, headers,
// footers, asides, forms, scripts, styles and elements whose class or id says they are
// boilerplate (menu, share, related, advert, cookie ...) are dropped. The container is the
// element marked itemprop="articleBody" if any, else the <article> with the most text, else
// the element whose paragraphs hold the most text (each paragraph of 30+ characters counts
// for its parent fully and its grandparent by half).
#pragma once

#include <libxml/tree.h>

#include <string>

namespace attache::readers {

std::string main_text(const xmlNode* root);

}  // namespace attache::readers
