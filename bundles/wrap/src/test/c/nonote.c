/* A raw library without the nativebundle build note, as a third party would ship it. */
__attribute__((visibility("default"))) int add(int a, int b)
{
    return a + b;
}
