fn main() {
    #[cfg(target_arch = "wasm32")]
    kyodo_check::start();
}
