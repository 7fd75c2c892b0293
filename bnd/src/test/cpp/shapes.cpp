/*
 * A C++ fixture library with a C ABI: the classes stay inside, the exported functions are
 * extern "C", so the symbol table, the bnd plugin and the loader see plain C names.
 */
#include <string>

#include "nativebundle.h"

NATIVEBUNDLE_LIBRARY("shapes", "1.0.0", "1.0.0");

namespace {

class Circle {
public:
    explicit Circle(double radius) : radius_(radius) {}
    double area() const { return 3.141592653589793 * radius_ * radius_; }

private:
    double radius_;
};

}  // namespace

extern "C" {

NATIVEBUNDLE_EXPORT double circle_area(double radius)
{
    return Circle(radius).area();
}

NATIVEBUNDLE_EXPORT int name_length(const char *name)
{
    return static_cast<int>(std::string(name == nullptr ? "" : name).size());
}

}
